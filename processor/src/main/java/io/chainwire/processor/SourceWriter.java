package io.chainwire.processor;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.JavaFileObject;

/**
 * Writes generated sources through the {@link Filer}, naming the element each one comes from so incremental builds know
 * what to regenerate. The text written is exactly {@link JavaFile#toString()}.
 */
final class SourceWriter {
    private final Filer filer;
    private final Reporter reporter;

    SourceWriter(Filer filer, Reporter reporter) {
        this.filer = filer;
        this.reporter = reporter;
    }

    /** Writes {@code file}, generated from {@code origin}; a failure is reported at {@code site}. */
    void write(JavaFile file, Element origin, Site site) {
        String name = file.packageName().isEmpty()
                ? file.typeSpec().name()
                : file.packageName() + "." + file.typeSpec().name();
        try {
            JavaFileObject source = filer.createSourceFile(name, origin);
            try (Writer writer = source.openWriter()) {
                file.writeTo(writer);
            }
        } catch (IOException e) {
            reporter.error(Message.WRITE_FAILED, site, name, e.getMessage());
        }
    }
}
