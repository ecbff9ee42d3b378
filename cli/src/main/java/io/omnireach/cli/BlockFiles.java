package io.omnireach.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.omnireach.block.Block;
import io.omnireach.block.BlockFormatException;
import io.omnireach.block.BlockManifest;
import io.omnireach.block.Blocks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Reading and writing the files the block commands work on, with messages that name the file. */
final class BlockFiles {

  /** Strict: a misspelt manifest field is an error, not silently dropped. */
  private static final ObjectMapper STRICT =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private BlockFiles() {}

  static Block readBlock(Path file) {
    try {
      return Blocks.read(Files.readAllBytes(file));
    } catch (BlockFormatException e) {
      throw new BlockFormatException(file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static BlockManifest readManifest(Path file) {
    try {
      return STRICT.readValue(file.toFile(), BlockManifest.class).validate();
    } catch (MismatchedInputException e) {
      throw new BlockFormatException(file + ": " + e.getOriginalMessage(), e);
    } catch (BlockFormatException e) {
      throw new BlockFormatException(file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      Throwable cause = e.getCause();
      if (cause instanceof BlockFormatException bfe) {
        throw new BlockFormatException(file + ": " + bfe.getMessage(), e);
      }
      throw new BlockFormatException(file + ": not a manifest: " + e.getMessage(), e);
    }
  }

  static JsonNode readJson(Path file) {
    try {
      return STRICT.readTree(file.toFile());
    } catch (IOException e) {
      throw new BlockFormatException(file + ": not JSON: " + e.getMessage(), e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** A file only its owner may read (a private key). */
  static void writePrivate(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
