package io.chainwire.maven.internal;

import io.chainwire.codegen.abi.AbiContract;
import io.chainwire.codegen.abi.AbiFormatException;
import io.chainwire.codegen.abi.AbiReader;
import io.chainwire.codegen.java.ContractClassGenerator;
import io.chainwire.codegen.java.ContractClassNaming;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns ABI files into Java sources: reads each file, names a class per contract (sub-packages from subdirectories),
 * rejects two contracts that map to one class, and runs the shared generator. Every bad file is reported, not just the
 * first; a contract without events gets a note.
 */
public final class ContractPlanner {
    private final String packageName;
    private final ContractClassGenerator generator = new ContractClassGenerator();

    /** Creates a planner for classes in {@code packageName} and its sub-packages. */
    public ContractPlanner(String packageName) {
        this.packageName = packageName;
    }

    /**
     * Returns one source per contract in {@code sources}, in file order.
     *
     * @throws InvalidAbiInputException listing every malformed file and every class name clash
     */
    public List<GeneratedSource> plan(List<AbiSource> sources) throws InvalidAbiInputException {
        List<String> problems = new ArrayList<>();
        List<PlannedClass> classes = nameClasses(sources, problems);
        if (!problems.isEmpty()) {
            throw new InvalidAbiInputException(problems);
        }
        List<GeneratedSource> generated = new ArrayList<>(classes.size());
        for (PlannedClass planned : classes) {
            String source = generator.generateSource(planned.contract(), planned.packageName(), planned.simpleName());
            generated.add(new GeneratedSource(
                    planned.qualifiedName().replace('.', '/') + ".java",
                    source,
                    planned.contract().events().isEmpty() ? List.of(noEvents(planned)) : List.of()));
        }
        return generated;
    }

    /** Reads each file and names a class per contract; adds a problem per bad file or clash. */
    private List<PlannedClass> nameClasses(List<AbiSource> sources, List<String> problems) {
        List<PlannedClass> classes = new ArrayList<>();
        Map<String, PlannedClass> byName = new HashMap<>();
        for (AbiSource source : sources) {
            List<AbiContract> contracts;
            try {
                contracts = AbiReader.read(source.displayPath(), source.content());
            } catch (AbiFormatException e) {
                problems.add(e.getMessage());
                continue;
            }
            String packageOfFile = packageOf(source);
            for (AbiContract contract : contracts) {
                ContractClassNaming.Result naming = ContractClassNaming.forContract(contract.name());
                if (naming instanceof ContractClassNaming.Rejected rejected) {
                    problems.add(
                            source.displayPath() + ": " + rejected.problem() + "; rename the contract or the file");
                    continue;
                }
                PlannedClass planned = new PlannedClass(
                        source, contract, packageOfFile, ((ContractClassNaming.Named) naming).simpleName());
                // Case-insensitive, so two classes never share a file on macOS or Windows.
                PlannedClass earlier =
                        byName.putIfAbsent(planned.qualifiedName().toLowerCase(Locale.ROOT), planned);
                if (earlier != null) {
                    problems.add(clash(earlier, planned));
                } else {
                    classes.add(planned);
                }
            }
        }
        return classes;
    }

    private String packageOf(AbiSource source) {
        StringBuilder name = new StringBuilder(packageName);
        String directory = source.directory();
        if (!directory.isEmpty()) {
            for (String segment : directory.split("/")) {
                name.append('.').append(PackageNames.packageSegment(segment));
            }
        }
        return name.toString();
    }

    /**
     * The class of a contract without events is still generated, so that code naming it compiles and both build paths
     * give the same classes; the note says why it is empty.
     */
    private static String noEvents(PlannedClass planned) {
        return planned.source().displayPath()
                + ": contract \""
                + planned.contract().name()
                + "\" declares no events, so "
                + planned.qualifiedName()
                + " has no event records and its decode rejects every log; check that the file holds the"
                + " contract's whole ABI if it emits events";
    }

    private static String clash(PlannedClass earlier, PlannedClass later) {
        return later.source().displayPath()
                + ": contract \""
                + later.contract().name()
                + "\" maps to class "
                + later.qualifiedName()
                + ", as does contract \""
                + earlier.contract().name()
                + "\" in "
                + earlier.source().displayPath()
                + "; rename one contract or move one file to another directory";
    }

    private record PlannedClass(AbiSource source, AbiContract contract, String packageName, String simpleName) {
        String qualifiedName() {
            return packageName + "." + simpleName;
        }
    }
}
