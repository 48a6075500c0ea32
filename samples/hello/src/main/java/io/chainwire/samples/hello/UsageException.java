package io.chainwire.samples.hello;

/** The command line is not one {@link HelloApp} can run; the message says what is wrong. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
