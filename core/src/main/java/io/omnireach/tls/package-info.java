/**
 * HTTPS on Liberty from PEM files: the certificate chain and private key (as an ingress,
 * cert-manager or a {@code kubernetes.io/tls} Secret hands them out) turned into the PKCS#12
 * keystore Liberty reads, before the server starts.
 */
package io.omnireach.tls;
