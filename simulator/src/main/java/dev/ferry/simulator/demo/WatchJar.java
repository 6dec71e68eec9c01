package dev.ferry.simulator.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes the agent jar of {@link ParentWatch}: that one class and a manifest naming it, so nothing else of
 * the demo (WireMock, Jackson) lands on Ferry's class path.
 */
final class WatchJar {

    private WatchJar() {
    }

    static Path write(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatch.class.getName());
        try (InputStream agent = ParentWatch.class.getResourceAsStream(ParentWatch.class.getSimpleName() + ".class");
                OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(ParentWatch.class.getName().replace('.', '/') + ".class"));
            agent.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
