package io.chainwire.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.PackageTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * Finds where one of several repeated annotations is written. javac keeps them inside a container annotation it
 * synthesizes, which has no source position, so its Messager would point at the annotated element instead; this reads
 * the position from the source tree.
 */
final class RepeatedAnnotationPositions {
    private final Trees trees;

    RepeatedAnnotationPositions(Trees trees) {
        this.trees = trees;
    }

    /** A tree to point a diagnostic at, and the file it is in. */
    record Position(Tree tree, CompilationUnitTree file) {}

    /**
     * Returns where {@code site}'s annotation (or its value) is written, if it is one of several repeated annotations;
     * empty for an annotation javac can place by itself.
     */
    Optional<Position> find(Site site) {
        Element element = site.element();
        if (site.annotation() == null
                || element == null
                || element.getAnnotationMirrors().contains(site.annotation())) {
            return Optional.empty();
        }
        TreePath path = trees.getPath(element);
        int index = indexAmongRepeated(element, site.annotation());
        if (path == null || index < 0) {
            return Optional.empty();
        }
        List<AnnotationTree> written = annotations(path.getLeaf()).stream()
                .filter(tree -> isOfType(path, tree, site.annotation()))
                .map(AnnotationTree.class::cast)
                .toList();
        if (index >= written.size()) {
            return Optional.empty();
        }
        AnnotationTree annotation = written.get(index);
        Tree target =
                site.value() == null ? annotation : valueTree(annotation, site).orElse(annotation);
        return Optional.of(new Position(target, path.getCompilationUnit()));
    }

    /** Returns the position of {@code annotation} among those of its type held in containers on {@code element}. */
    private static int indexAmongRepeated(Element element, AnnotationMirror annotation) {
        for (AnnotationMirror container : element.getAnnotationMirrors()) {
            for (AnnotationValue values : container.getElementValues().values()) {
                if (values.getValue() instanceof List<?> list) {
                    int index = list.stream()
                            .map(value -> ((AnnotationValue) value).getValue())
                            .toList()
                            .indexOf(annotation);
                    if (index >= 0) {
                        return index;
                    }
                }
            }
        }
        return -1;
    }

    private static List<? extends AnnotationTree> annotations(Tree declaration) {
        if (declaration instanceof ClassTree type) {
            return type.getModifiers().getAnnotations();
        }
        if (declaration instanceof PackageTree pkg) {
            return pkg.getAnnotations();
        }
        if (declaration instanceof CompilationUnitTree unit) {
            return unit.getPackageAnnotations();
        }
        return List.of();
    }

    private boolean isOfType(TreePath path, AnnotationTree tree, AnnotationMirror annotation) {
        Element type = trees.getElement(new TreePath(new TreePath(path, tree), tree.getAnnotationType()));
        return annotation.getAnnotationType().asElement().equals(type);
    }

    private static Optional<ExpressionTree> valueTree(AnnotationTree annotation, Site site) {
        Optional<String> name = site.annotation().getElementValues().entrySet().stream()
                .filter(entry -> entry.getValue().equals(site.value()))
                .map(Map.Entry::getKey)
                .map(ExecutableElement::getSimpleName)
                .map(Object::toString)
                .findFirst();
        return name.flatMap(n -> annotation.getArguments().stream()
                .filter(AssignmentTree.class::isInstance)
                .map(AssignmentTree.class::cast)
                .filter(assignment -> assignment.getVariable() instanceof IdentifierTree id
                        && id.getName().contentEquals(n))
                .map(AssignmentTree::getExpression)
                .findFirst());
    }
}
