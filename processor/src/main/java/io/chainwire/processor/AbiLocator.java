package io.chainwire.processor;

import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Finds and reads the ABI file a {@code @ContractAbi} names. An absolute path is read as it is. A
 * relative one is looked up, in order: next to the annotated source file (javac only: other
 * compilers, and Gradle's wrapped javac, do not tell where a source file is); in the directory of
 * the processor option {@value #ABI_DIRECTORY}; as a resource name on the source path; as a
 * resource name on the class path (where Maven copies {@code src/main/resources}).
 */
final class AbiLocator {
  /** The processor option naming a directory of ABI files. */
  static final String ABI_DIRECTORY = "chainwire.abiDirectory";

  private final ProcessingEnvironment env;
  private final Optional<Trees> trees;
  private final Filer filer;
  private final Reporter reporter;
  private final Annotations annotations;

  AbiLocator(ProcessingEnvironment env, Reporter reporter, Annotations annotations) {
    this.env = env;
    this.trees = JavacTrees.of(env);
    this.filer = env.getFiler();
    this.reporter = reporter;
    this.annotations = annotations;
  }

  /** Returns the ABI file of {@code request}, or empty after reporting why there is none. */
  Optional<AbiSource> locate(AbiRequest request) {
    Site site = request.site("path", annotations);
    if (request.path().isBlank()) {
      reporter.error(Message.ABI_PATH_INVALID, site, request.path(), "it is empty");
      return Optional.empty();
    }
    Path path;
    try {
      path = Path.of(request.path());
    } catch (InvalidPathException e) {
      reporter.error(Message.ABI_PATH_INVALID, site, request.path(), e.getReason());
      return Optional.empty();
    }
    if (path.isAbsolute()) {
      if (Files.exists(path)) {
        return read(path, site);
      }
      reporter.error(Message.ABI_NOT_FOUND, site, request.path(), path);
      return Optional.empty();
    }
    List<String> searched = new ArrayList<>();
    Optional<Path> besideSource = sourceDirectory(request.element()).map(directory -> directory.resolve(path).normalize());
    if (besideSource.isPresent()) {
      searched.add("next to the annotated source file (" + besideSource.get() + ")");
      if (Files.exists(besideSource.get())) {
        return read(besideSource.get(), site);
      }
    }
    Optional<Path> inAbiDirectory = abiDirectory().map(directory -> directory.resolve(path).normalize());
    searched.add(inAbiDirectory.map(file -> ABI_DIRECTORY + " (" + file + ")").orElse(ABI_DIRECTORY + " (not set)"));
    if (inAbiDirectory.isPresent() && Files.exists(inAbiDirectory.get())) {
      return read(inAbiDirectory.get(), site);
    }
    for (StandardLocation location : List.of(StandardLocation.SOURCE_PATH, StandardLocation.CLASS_PATH)) {
      searched.add("the " + location.getName().toLowerCase(Locale.ROOT).replace('_', ' '));
      Optional<FileObject> resource = resource(location, request.path());
      if (resource.isPresent()) {
        return read(resource.get(), site);
      }
    }
    reporter.error(Message.ABI_NOT_FOUND, site, request.path(), String.join(", ", searched));
    return Optional.empty();
  }

  private Optional<Path> abiDirectory() {
    String directory = env.getOptions().get(ABI_DIRECTORY);
    return directory == null || directory.isBlank()
        ? Optional.empty()
        : Optional.of(Path.of(directory).toAbsolutePath());
  }

  private Optional<Path> sourceDirectory(Element element) {
    return trees
        .map(javac -> javac.getPath(element))
        .map(tree -> tree.getCompilationUnit().getSourceFile().toUri())
        .filter(source -> "file".equals(source.getScheme()))
        .map(source -> Path.of(source).getParent());
  }

  private Optional<FileObject> resource(StandardLocation location, String name) {
    try {
      return Optional.of(filer.getResource(location, "", name));
    } catch (IOException | IllegalArgumentException notThere) {
      return Optional.empty();
    }
  }

  private Optional<AbiSource> read(Path file, Site site) {
    try {
      return Optional.of(new AbiSource(file.toString(), Files.readAllBytes(file)));
    } catch (IOException e) {
      reporter.error(Message.ABI_UNREADABLE, site, file, reason(e));
      return Optional.empty();
    }
  }

  private Optional<AbiSource> read(FileObject resource, Site site) {
    URI uri = resource.toUri();
    String name = "file".equals(uri.getScheme()) ? Path.of(uri).toString() : uri.toString();
    try (InputStream in = resource.openInputStream()) {
      return Optional.of(new AbiSource(name, in.readAllBytes()));
    } catch (IOException e) {
      reporter.error(Message.ABI_UNREADABLE, site, name, reason(e));
      return Optional.empty();
    }
  }

  private static String reason(IOException e) {
    return e.getClass().getSimpleName() + ": " + Objects.toString(e.getMessage(), "no detail");
  }
}
