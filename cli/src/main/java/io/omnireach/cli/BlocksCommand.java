package io.omnireach.cli;

import io.omnireach.block.Block;
import io.omnireach.block.BlockFormatException;
import io.omnireach.block.BlockManifest;
import io.omnireach.block.Blocks;
import io.omnireach.block.PublisherKeys;
import io.omnireach.block.Verification;
import io.omnireach.sdk.InstallResult;
import io.omnireach.sdk.InstalledBlock;
import io.omnireach.sdk.MarketplaceBlock;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Block files: pack, keygen, sign and verify work offline; import, publish, install, installed,
 * update, uninstall, search and rate talk to the server.
 */
@Command(
    name = "blocks",
    description = "Build, sign and check block files; publish, install and find them.",
    subcommands = CommandLine.HelpCommand.class)
class BlocksCommand {

  @ParentCommand OmniReachCli root;
  @Spec CommandSpec spec;

  @Command(
      name = "pack",
      description = {
        "Pack a manifest and its content into a block file (unsigned; see 'blocks sign').",
        "DIR holds manifest.json and content.json; or name them with --manifest and --content."
      })
  int pack(
      @Parameters(arity = "0..1", paramLabel = "DIR") Path dir,
      @Option(names = "--manifest", paramLabel = "FILE") Path manifestFile,
      @Option(names = "--content", paramLabel = "FILE") Path contentFile,
      @Option(
              names = {"-o", "--out"},
              paramLabel = "FILE",
              description = "Default: <id>-<version>.block.json")
          Path out) {
    if (dir != null) {
      manifestFile = manifestFile != null ? manifestFile : dir.resolve("manifest.json");
      contentFile = contentFile != null ? contentFile : dir.resolve("content.json");
    }
    if (manifestFile == null || contentFile == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Give a directory, or both --manifest and --content.");
    }
    BlockManifest manifest = BlockFiles.readManifest(manifestFile);
    Block block = Blocks.pack(manifest, BlockFiles.readJson(contentFile));
    Path target =
        out != null ? out : Path.of(manifest.id() + "-" + manifest.version() + ".block.json");
    BlockFiles.write(target, Blocks.write(block));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("file", target.toString());
    result.put("id", manifest.id());
    result.put("version", manifest.version());
    result.put("hash", block.hash());
    print(result);
    return 0;
  }

  @Command(
      name = "keygen",
      description = {
        "Make an Ed25519 publisher key pair.",
        "KEY.pem (mode 0600) holds the private and the public key; KEY.pub.pem the public one."
      })
  int keygen(
      @Option(
              names = {"-o", "--out"},
              paramLabel = "KEY.pem",
              defaultValue = "publisher.pem",
              description = "Default: ${DEFAULT-VALUE}")
          Path out) {
    Path pub = publicKeyFile(out);
    if (Files.exists(out) || Files.exists(pub)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), out + " or " + pub + " exists already; choose another --out.");
    }
    KeyPair pair = PublisherKeys.generate();
    String publicPem = PublisherKeys.publicPem(pair.getPublic());
    BlockFiles.writePrivate(out, PublisherKeys.privatePem(pair.getPrivate()) + publicPem);
    BlockFiles.write(pub, publicPem);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("privateKey", out.toString());
    result.put("publicKey", pub.toString());
    result.put("keyId", PublisherKeys.keyId(PublisherKeys.publicBase64(pair.getPublic())));
    print(result);
    return 0;
  }

  @Command(name = "sign", description = "Sign a block file with your publisher key (in place).")
  int sign(
      @Parameters(paramLabel = "FILE") Path file,
      @Option(names = "--key", required = true, paramLabel = "KEY.pem") Path keyFile,
      @Option(
              names = "--public-key",
              paramLabel = "PUB.pem",
              description = "Needed when KEY.pem holds only the private key (e.g. from openssl)")
          Path publicKeyFile,
      @Option(
              names = {"-o", "--out"},
              paramLabel = "FILE",
              description = "Default: FILE itself")
          Path out) {
    String keyPem = BlockFiles.read(keyFile);
    PrivateKey privateKey = PublisherKeys.readPrivate(keyPem);
    String publicPem;
    if (publicKeyFile != null) {
      publicPem = BlockFiles.read(publicKeyFile);
    } else if (keyPem.contains("-----BEGIN PUBLIC KEY-----")) {
      publicPem = keyPem;
    } else {
      throw new CommandLine.ParameterException(
          spec.commandLine(), keyFile + " holds no public key: pass it with --public-key PUB.pem.");
    }
    PublicKey publicKey = PublisherKeys.readPublic(publicPem);
    Block signed = Blocks.sign(BlockFiles.readBlock(file), privateKey, publicKey);
    Verification check = Blocks.verify(signed);
    if (!check.valid()) {
      throw new BlockFormatException(
          "the public key does not belong to the private key (" + check.message() + ")");
    }
    Path target = out != null ? out : file;
    BlockFiles.write(target, Blocks.write(signed));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("file", target.toString());
    result.put("keyId", check.keyId());
    result.put("hash", signed.hash());
    print(result);
    return 0;
  }

  @Command(
      name = "verify",
      description = {
        "Check a block file's hash and signature.",
        "Exit code 0 when they match its content, 1 otherwise."
      })
  int verify(@Parameters(paramLabel = "FILE") Path file) {
    Block block = BlockFiles.readBlock(file);
    Verification check = Blocks.verify(block);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("status", check.status().name());
    result.put("message", check.message());
    result.put("id", block.manifest().id());
    result.put("version", block.manifest().version());
    result.put("keyId", check.keyId());
    print(result);
    return check.valid() ? 0 : 1;
  }

  @Command(
      name = "plan",
      description = "Show what importing a block file would create and need (nothing is written).")
  int plan(@Parameters(paramLabel = "FILE") Path file) {
    print(root.client().blocks().plan(BlockFiles.readBlock(file)));
    return 0;
  }

  @Command(
      name = "import",
      description = "Import a block file into your workspace (hash and signature checked).")
  int importBlock(
      @Parameters(paramLabel = "FILE") Path file,
      @Option(
              names = "--allow-unsigned",
              description = "Accept an unsigned block (Admin; only from a source you trust)")
          boolean allowUnsigned) {
    printCreated(root.client().blocks().importBlock(BlockFiles.readBlock(file), allowUnsigned));
    return 0;
  }

  @Command(
      name = "publish",
      description = "Publish a signed block file in your workspace's catalogue (Admin).")
  int publish(
      @Parameters(paramLabel = "FILE") Path file,
      @Option(
              names = "--public",
              description = "Also list it in this instance's registry index for other instances")
          boolean listPublicly) {
    print(root.client().blocks().publish(BlockFiles.readBlock(file), listPublicly));
    return 0;
  }

  @Command(name = "install", description = "Install a catalogue block into your workspace.")
  int install(@Parameters(paramLabel = "ID") String id) {
    printCreated(root.client().blocks().install(id));
    return 0;
  }

  @Command(
      name = "installed",
      description = "List the blocks installed in your workspace and whether an update exists.")
  int installed() {
    List<InstalledBlock> blocks = root.client().blocks().installed();
    Output.print(
        spec.commandLine().getOut(),
        root.output(),
        blocks,
        "blockId",
        "name",
        "kind",
        "version",
        "latestVersion",
        "updateAvailable",
        "source");
    return 0;
  }

  @Command(
      name = "update",
      description = "Update an installed block to the catalogue's newest version.")
  int update(@Parameters(paramLabel = "ID") String id) {
    InstallResult result = root.client().blocks().update(id);
    if (root.output() == Output.Format.JSON) {
      print(result);
      return 0;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Updated " + result.blockId() + " to " + result.version() + ":");
    Output.print(out, root.output(), result.created(), "type", "id", "name");
    return 0;
  }

  @Command(
      name = "uninstall",
      description =
          "Uninstall a block: removes the personas and policies it created, archives its"
              + " workflows.")
  int uninstall(@Parameters(paramLabel = "ID") String id) {
    root.client().blocks().uninstall(id);
    if (root.output() == Output.Format.JSON) {
      print(Map.of("blockId", id, "uninstalled", true));
    } else {
      spec.commandLine().getOut().println("Uninstalled " + id + ".");
    }
    return 0;
  }

  @Command(
      name = "trust",
      description = "Trust a publisher's public key in your workspace (Admin).")
  int trust(
      @Parameters(paramLabel = "PUB.pem") Path publicKey,
      @Option(names = "--name", required = true, description = "Who the key belongs to")
          String name) {
    print(root.client().marketplace().trust(name, BlockFiles.read(publicKey)));
    return 0;
  }

  @Command(name = "search", description = "Search the catalogue.")
  int search(
      @Parameters(arity = "0..1", paramLabel = "TEXT") String q,
      @Option(names = "--kind", description = "workflow, persona, policy_set, …") String kind) {
    List<MarketplaceBlock> found = root.client().marketplace().search(q, kind);
    Output.print(
        spec.commandLine().getOut(),
        root.output(),
        found,
        "id",
        "name",
        "kind",
        "version",
        "publisher",
        "rating",
        "installed");
    return 0;
  }

  @Command(name = "rate", description = "Rate a catalogue block (1 to 5 stars).")
  int rate(
      @Parameters(paramLabel = "ID") String id,
      @Option(names = "--stars", required = true) int stars,
      @Option(names = "--text", defaultValue = "") String text) {
    print(root.client().marketplace().rate(id, stars, text));
    return 0;
  }

  /** What a block created: the items as a table, or the whole answer as JSON. */
  private void printCreated(InstallResult result) {
    if (root.output() == Output.Format.JSON) {
      print(result);
      return;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "Installed "
            + result.kind()
            + " block "
            + result.blockId()
            + " "
            + result.version()
            + " ("
            + result.name()
            + "):");
    Output.print(out, root.output(), result.created(), "type", "id", "name");
  }

  private void print(Object value) {
    Output.print(spec.commandLine().getOut(), root.output(), value);
  }

  private static Path publicKeyFile(Path keyFile) {
    String name = keyFile.getFileName().toString();
    String stem = name.endsWith(".pem") ? name.substring(0, name.length() - 4) : name;
    return keyFile.resolveSibling(stem + ".pub.pem");
  }
}
