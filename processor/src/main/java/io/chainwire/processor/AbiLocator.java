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
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Finds and reads the ABI file a {@code @ContractAbi} names. An absolute path is read as it is. A relative one is
 * looked up, in order: next to the annotated source file (javac only: other compilers, and Gradle's wrapped javac, do
 * not tell where a source file is); in the directory of the processor option {@value #ABI_DIRECTORY}; as a resource
 * name on the source path; as a resource name on the class path (where Maven has copied {@code src/main/resources}).
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

    /** A place the file may be, as messages name it, and how to find it there. */
    private record Place(String description, Supplier<Optional<Found>> lookup) {}

    /** A file that exists, as errors name it, and how to read it. */
    private record Found(String name, Contents contents) {}

    /** Reads a file's bytes. */
    private interface Contents {
        byte[] read() throws IOException;
    }

    /** Returns the ABI file of {@code request}, or empty after reporting why there is none. */
    Optional<AbiSource> locate(AbiRequest request) {
        Site site = request.site("path", annotations);
        Optional<Path> path = parse(request.path(), site);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        List<Place> places = places(request.element(), path.get());
        for (Place place : places) {
            Optional<Found> found = place.lookup().get();
            if (found.isPresent()) {
                return read(found.get(), site);
            }
        }
        reporter.error(
                Message.ABI_NOT_FOUND,
                site,
                request.path(),
                places.stream().map(Place::description).collect(Collectors.joining(", ")));
        return Optional.empty();
    }

    private Optional<Path> parse(String path, Site site) {
        if (path.isBlank()) {
            reporter.error(Message.ABI_PATH_INVALID, site, path, "it is empty");
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(path));
        } catch (InvalidPathException e) {
            reporter.error(Message.ABI_PATH_INVALID, site, path, e.getReason());
            return Optional.empty();
        }
    }

    private List<Place> places(Element element, Path path) {
        if (path.isAbsolute()) {
            return List.of(file("the path itself", path));
        }
        List<Place> places = new ArrayList<>();
        sourceDirectory(element)
                .ifPresent(directory -> places.add(file("next to the annotated source file", directory.resolve(path))));
        places.add(abiDirectory()
                .map(directory -> file(ABI_DIRECTORY, directory.resolve(path)))
                .orElse(new Place(ABI_DIRECTORY + " (not set)", Optional::empty)));
        places.add(new Place("the source path", () -> resource(StandardLocation.SOURCE_PATH, path)));
        places.add(new Place("the class path", () -> resource(StandardLocation.CLASS_PATH, path)));
        return places;
    }

    private static Place file(String label, Path path) {
        Path file = path.normalize();
        return new Place(
                label + " (" + file + ")",
                () -> Files.exists(file)
                        ? Optional.of(new Found(file.toString(), () -> Files.readAllBytes(file)))
                        : Optional.empty());
    }

    private Optional<Path> abiDirectory() {
        String directory = env.getOptions().get(ABI_DIRECTORY);
        return directory == null || directory.isBlank()
                ? Optional.empty()
                : Optional.of(Path.of(directory).toAbsolutePath());
    }

    private Optional<Path> sourceDirectory(Element element) {
        return trees.map(javac -> javac.getPath(element))
                .map(tree -> tree.getCompilationUnit().getSourceFile().toUri())
                .filter(source -> "file".equals(source.getScheme()))
                .map(source -> Path.of(source).getParent());
    }

    /** Looks {@code path} up as a resource name: {@code abi/Token.json}, with forward slashes. */
    private Optional<Found> resource(StandardLocation location, Path path) {
        FileObject resource;
        try {
            resource = filer.getResource(location, "", path.toString().replace('\\', '/'));
        } catch (IOException | IllegalArgumentException notThere) {
            return Optional.empty();
        }
        URI uri = resource.toUri();
        String name = "file".equals(uri.getScheme()) ? Path.of(uri).toString() : uri.toString();
        return Optional.of(new Found(name, () -> {
            try (InputStream in = resource.openInputStream()) {
                return in.readAllBytes();
            }
        }));
    }

    private Optional<AbiSource> read(Found file, Site site) {
        try {
            return Optional.of(new AbiSource(file.name(), file.contents().read()));
        } catch (IOException e) {
            reporter.error(
                    Message.ABI_UNREADABLE,
                    site,
                    file.name(),
                    e.getClass().getSimpleName() + ": " + Objects.toString(e.getMessage(), "no detail"));
            return Optional.empty();
        }
    }
}
