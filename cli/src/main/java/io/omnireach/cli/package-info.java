/**
 * {@code omnireach-cli}: picocli commands on top of the Java SDK ({@code io.omnireach.sdk}) and the
 * block file format ({@code io.omnireach.block}). No server code.
 */
package io.omnireach.cli;
