package io.chainwire.processor;

import java.util.Locale;

/**
 * Every diagnostic the chainwire processors print: what is wrong, then how to fix it. Arguments are
 * {@link String#format} arguments; positional ones ({@code %1$s}) are used where a value appears twice.
 *
 * <p>All of them are errors, each describing code or input that would otherwise fail later and less clearly (in
 * generated code, or at run time by routing no logs), except {@link #ABI_NO_EVENTS}, a note: the class it speaks of is
 * generated and compiles, so it must not fail a build that turns warnings into errors.
 */
enum Message {
    HANDLER_NOT_INTERFACE(
            "@ContractHandler is on %s, which is %s, not an interface.",
            "Declare the handler as an interface whose methods each take one event of the contract;"
                    + " chainwire generates the class that routes logs to it."),
    HANDLER_NOT_ACCESSIBLE(
            "@ContractHandler interface %s is private or nested in a private type, so the dispatcher"
                    + " generated in its package cannot implement it.",
            "Make it, and every type enclosing it, at least package-private."),
    HANDLER_SEALED(
            "@ContractHandler interface %s is sealed, so the generated dispatcher cannot implement it.",
            "Remove the sealed modifier and its permits clause."),
    HANDLER_GENERIC(
            "@ContractHandler interface %s declares type parameters %s, which the generated dispatcher"
                    + " cannot choose.",
            "Remove them; each handler method takes a concrete event type."),
    CONTRACT_NOT_FOUND(
            "the contract class named by @ContractHandler on %s does not exist.",
            "Generate it from its ABI with @ContractAbi or the chainwire Maven plugin, or fix the class" + " name."),
    NOT_A_CONTRACT(
            "%s is not a chainwire contract class: it has no nested sealed interface Event extending"
                    + " io.chainwire.abi.ContractEvent.",
            "Name a class generated from an ABI (by @ContractAbi or the chainwire Maven plugin) in the"
                    + " @ContractHandler annotation."),
    NO_HANDLER_METHODS(
            "@ContractHandler interface %s has no abstract methods, so its dispatcher would route no"
                    + " event at all.",
            "Declare one method per event to handle, taking the event record and optionally an"
                    + " EventContext; the events of %s it can route are: %s."),
    METHOD_GENERIC(
            "handler method %s declares type parameters, but the dispatcher calls it with one concrete"
                    + " event type.",
            "Remove the type parameters."),
    METHOD_ARITY(
            "handler method %s takes %d parameters, but a handler method takes one event record,"
                    + " optionally followed by an EventContext.",
            "Declare it as void on<Event>(<Contract>.<Event> event) or"
                    + " void on<Event>(<Contract>.<Event> event, EventContext context)."),
    METHOD_SECOND_PARAMETER(
            "the second parameter of handler method %s has type %s, but the dispatcher passes an"
                    + " io.chainwire.handler.EventContext.",
            "Declare it as EventContext, or remove it."),
    METHOD_NOT_VOID(
            "handler method %s returns %s, but the dispatcher has nowhere to put a result.", "Declare it void."),
    METHOD_THROWS_CHECKED(
            "handler method %s declares the checked exceptions %s, which EventDispatcher.dispatch cannot" + " throw.",
            "Handle them inside the handler, or wrap them in an unchecked exception."),
    PARAMETER_NOT_EVENT(
            "the first parameter of handler method %s has type %s, which is not an event of %s.",
            "Take one of its event records: %s."),
    PARAMETER_OTHER_CONTRACT(
            "the first parameter of handler method %1$s has type %2$s, an event of %3$s, but this"
                    + " handler handles %4$s.",
            "Move the method to an interface annotated @ContractHandler(%3$s.class), or take an event" + " of %4$s."),
    ANONYMOUS_EVENT(
            "handler method %1$s takes the anonymous event %2$s, whose logs carry no topic 0, so no"
                    + " dispatcher can recognise them.",
            "Remove the method, and decode such logs explicitly with %2$s.decode(log) where you know"
                    + " which event they hold."),
    DUPLICATE_EVENT(
            "handler method %s handles %s, which %s already handles, so the dispatcher cannot choose"
                    + " between them.",
            "Keep one method per event."),
    ABI_PATH_INVALID(
            "@ContractAbi path \"%s\" is not a valid file path (%s).",
            "Give the path of an ABI JSON file, absolute or relative to the annotated source file."),
    ABI_NOT_FOUND(
            "ABI file %s not found; searched: %s.",
            "Fix the path, or put the file in one of these places (-Achainwire.abiDirectory=<dir> adds"
                    + " a directory)."),
    ABI_UNREADABLE("cannot read ABI file %s: %s.", "Make the path name a readable file."),
    ABI_MALFORMED(
            "malformed ABI: %s.",
            "Fix the file: it must be a plain ABI array, a Hardhat, Foundry or Truffle artifact, or solc"
                    + " --combined-json output."),
    ABI_NO_CONTRACT(
            "ABI file %s holds no contract.",
            "Name a file that holds the contract's ABI, for solc output one made with --combined-json abi."),
    ABI_CONTRACT_REQUIRED(
            "ABI file %s holds %d contracts (%s), and @ContractAbi does not say which one to generate.",
            "Add contract = \"<name>\" naming one of them."),
    ABI_UNKNOWN_CONTRACT("ABI file %s has no contract \"%s\"; it holds: %s.", "Set contract to one of these names."),
    ABI_INVALID_NAME(
            "@ContractAbi cannot generate a class of that name: %s.",
            "Set name = \"<Name>\" in @ContractAbi to a Java identifier such as Token, or leave it out to"
                    + " name the class after the contract."),
    ABI_UNNAMED_CONTRACT(
            "ABI file %s gives no class name: %s.",
            "Set name = \"<Name>\" in @ContractAbi to a Java identifier such as Token."),
    ABI_NO_EVENTS(
            "contract %s in ABI file %s declares no events, so %s has no event records and its decode"
                    + " rejects every log.",
            "Nothing to do if the contract emits no events; otherwise check that the file holds its whole" + " ABI."),
    DUPLICATE_CLASS(
            "@ContractAbi generates %s, which the @ContractAbi on %s already generates.",
            "Set a different name on one of them."),
    WRITE_FAILED(
            "cannot write the generated source %s: %s.",
            "If a class of that name already exists, rename it or the generated class."),
    UNEXPECTED_FAILURE(
            "the chainwire processor failed unexpectedly on %s.",
            "This is a bug in chainwire; please report it with this stack trace:%n%s");

    private final String problem;
    private final String fix;

    Message(String problem, String fix) {
        this.problem = problem;
        this.fix = fix;
    }

    /** Returns the message text for {@code args}: the problem, then the fix. */
    String format(Object... args) {
        return String.format(Locale.ROOT, problem + " " + fix, args);
    }
}
