package io.chainwire.maven;

import io.chainwire.codegen.java.ContractClassGenerator;
import io.chainwire.maven.internal.GenerationRequest;
import io.chainwire.maven.internal.GenerationResult;
import io.chainwire.maven.internal.IncrementalGenerator;
import io.chainwire.maven.internal.InvalidAbiInputException;
import io.chainwire.maven.internal.PackageNames;
import io.chainwire.maven.internal.RelativePaths;
import io.chainwire.maven.internal.ToolVersion;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates a Java class of typed event records for every contract ABI under {@link #abiDirectory}, and adds
 * {@link #outputDirectory} to the compile source roots.
 *
 * <p>Accepted files: a plain ABI array, a Hardhat, Foundry or Truffle artifact (an object with an {@code abi} field),
 * or solc {@code --combined-json} output. A file in a subdirectory of {@link #abiDirectory} gives a class in a
 * sub-package of {@link #packageName}. The class is named after the contract (the artifact's {@code contractName}, the
 * combined JSON key, else the file name), capitalised and with characters other than ASCII letters, digits and
 * {@code _} dropped: {@code my-token} gives {@code MyToken}; {@code Event} and {@code Filter}, which name types nested
 * in every contract class, give {@code EventContract} and {@code FilterContract}. The annotation processor names
 * classes by the same rule ({@link io.chainwire.codegen.java.ContractClassNaming}), so either path gives the same
 * source.
 *
 * <p>An unchanged build does no work: {@code target/chainwire/<execution id>.state} records a fingerprint of the ABI
 * files and settings, and when it matches nothing is read or written. Otherwise files are rewritten only where their
 * content changes, and classes whose ABI is gone are deleted. A malformed ABI fails the build naming the file, the JSON
 * location and the reason; every bad file is reported at once. A contract whose ABI declares no events still gets its
 * class (with no event records, and a {@code decode} that rejects every log), and an INFO line says so.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {
    private static final String DEFAULT_INCLUDE = "**/*.json";

    /**
     * The directory holding the ABI files. Files in subdirectories give classes in sub-packages:
     * {@code tokens/Erc20.json} gives {@code <packageName>.tokens.Erc20}.
     */
    @Parameter(property = "chainwire.abiDirectory", defaultValue = "${project.basedir}/src/main/abi")
    private File abiDirectory;

    /**
     * Patterns of the ABI files to read, relative to {@link #abiDirectory}, in Maven's usual syntax. Default:
     * {@code **&#47;*.json}.
     */
    @Parameter
    private List<String> includes;

    /** Patterns of files under {@link #abiDirectory} to leave out, in Maven's usual syntax. */
    @Parameter
    private List<String> excludes;

    /**
     * The package of the generated classes, such as {@code com.example.contracts}. Required. Subdirectories of
     * {@link #abiDirectory} add sub-packages: each directory name lower-cased, with characters other than ASCII
     * letters, digits and {@code _} replaced by {@code _} ({@code ERC-721} gives {@code erc_721}).
     */
    @Parameter(property = "chainwire.packageName")
    private String packageName;

    /** Where the generated Java sources are written; added as a compile source root. */
    @Parameter(
            property = "chainwire.outputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/chainwire")
    private File outputDirectory;

    /** Skips generation; the output directory is then not added as a source root either. */
    @Parameter(property = "chainwire.skip", defaultValue = "false")
    private boolean skip;

    /** The project being built; read-only. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** This execution of the goal, whose id names the state file; read-only. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution execution;

    /** This plugin, whose version is part of the input fingerprint; read-only. */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("chainwire: generation skipped (chainwire.skip)");
            return;
        }
        if (packageName == null || packageName.isBlank()) {
            throw new MojoFailureException("chainwire: the parameter packageName is missing: set <packageName> in the"
                    + " configuration of chainwire-maven-plugin, for example"
                    + " <packageName>com.example.contracts</packageName>");
        }
        if (!PackageNames.isPackageName(packageName)) {
            throw new MojoFailureException("chainwire: packageName \""
                    + packageName
                    + "\" is not a valid Java package name: use dot-separated identifiers that are not"
                    + " Java keywords, for example com.example.contracts");
        }
        Path projectDirectory = project.getBasedir().toPath();
        GenerationRequest request = new GenerationRequest(
                projectDirectory,
                abiDirectory.toPath(),
                includes == null || includes.isEmpty() ? List.of(DEFAULT_INCLUDE) : includes,
                excludes == null ? List.of() : excludes,
                packageName,
                outputDirectory.toPath(),
                stateFile(),
                toolVersion());
        GenerationResult result;
        try {
            result = IncrementalGenerator.run(request);
        } catch (InvalidAbiInputException e) {
            throw new MojoFailureException("chainwire: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("chainwire: generation failed: " + e.getMessage(), e);
        }
        project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
        report(result, RelativePaths.of(projectDirectory, abiDirectory.toPath()));
    }

    /** One state file per execution, so two executions in one module keep separate records. */
    private Path stateFile() {
        return Path.of(project.getBuild().getDirectory(), "chainwire", execution.getExecutionId() + ".state");
    }

    private String toolVersion() throws MojoExecutionException {
        try {
            return ToolVersion.of(plugin.getVersion(), GenerateMojo.class, ContractClassGenerator.class);
        } catch (IOException e) {
            throw new MojoExecutionException("chainwire: cannot read the plugin's own jars: " + e.getMessage(), e);
        }
    }

    private void report(GenerationResult result, String abiLocation) {
        if (result.abiFiles() == 0) {
            getLog().warn("chainwire: no ABI files found in " + abiLocation);
        }
        result.notes().forEach(note -> getLog().info("chainwire: " + note));
        String classes = result.classes() == 1 ? "1 class" : result.classes() + " classes";
        if (result.upToDate()) {
            getLog().info("chainwire: " + classes + " up to date");
        } else {
            getLog().info("chainwire: generated "
                    + classes
                    + " from "
                    + abiLocation
                    + " ("
                    + result.written()
                    + " written, "
                    + (result.classes() - result.written())
                    + " unchanged, "
                    + result.deleted()
                    + " deleted)");
        }
    }
}
