/**
 * The block file of the marketplace: a manifest (what it is, who made it, what it needs), its
 * content (a workflow, persona, policy set, prompt template or integration as JSON), a SHA-256 hash
 * over the RFC 8785 canonical form of both, and an Ed25519 signature by its publisher.
 *
 * <p>One place for the format so that the server, the SDK and the CLI pack, hash and verify a block
 * byte for byte alike. Whether a publisher's key is <em>trusted</em> is the catalogue's decision,
 * not this package's: it only proves that the content is what the key holder signed.
 */
package io.omnireach.block;
