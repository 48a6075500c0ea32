package io.chainwire.maven.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Identifies the code that writes sources. A plugin version alone is not enough: a rebuilt snapshot keeps its version,
 * so the jars holding the plugin and the generator are hashed too, and an unchanged build of a changed generator still
 * regenerates.
 */
public final class ToolVersion {
    private ToolVersion() {}

    /**
     * Returns a fingerprint of {@code pluginVersion} and the contents of the jars that hold {@code classes}. A class
     * loaded from a directory (an IDE) contributes the directory's path.
     */
    public static String of(String pluginVersion, Class<?>... classes) throws IOException {
        Fingerprint fingerprint = new Fingerprint().add(pluginVersion);
        Set<Path> locations = new LinkedHashSet<>();
        for (Class<?> type : classes) {
            locations.add(location(type));
        }
        for (Path location : locations) {
            if (Files.isRegularFile(location)) {
                fingerprint.add(Files.readAllBytes(location));
            } else {
                fingerprint.add(location.toString());
            }
        }
        return fingerprint.hex();
    }

    private static Path location(Class<?> type) throws IOException {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IOException("cannot tell where " + type.getName() + " was loaded from");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("cannot read the location of " + type.getName(), e);
        }
    }
}
