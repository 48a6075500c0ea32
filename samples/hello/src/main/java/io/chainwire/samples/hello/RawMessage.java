package io.chainwire.samples.hello;

import io.chainwire.abi.AbiDecoder;
import io.chainwire.abi.Bytes;
import io.chainwire.abi.RawLog;
import io.chainwire.handler.EventContext;
import io.chainwire.samples.hello.contract.Hello;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The message of a {@code MessageSent} log as the chain holds it. Solidity does not check that a {@code string} is
 * UTF-8, so anyone can send NUL bytes or invalid UTF-8, which the decoded Java {@code String} cannot keep (an invalid
 * sequence becomes U+FFFD); the sample keeps the bytes.
 */
final class RawMessage {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RawMessage() {}

    /**
     * Returns the message bytes of {@code log}, a log that {@link Hello.MessageSent#decode} accepts (so its layout is
     * already checked).
     */
    static Bytes of(RawLog log) {
        AbiDecoder data = AbiDecoder.data(log, Hello.MessageSent.SIGNATURE);
        return data.readBytes(data.readOffset(0, 0, 32, "message"), "message");
    }

    /**
     * Returns the message bytes of {@code event}: from the raw log when the stream delivers it, else (a context a test
     * made) the UTF-8 of the decoded message.
     */
    static Bytes of(Hello.MessageSent event, EventContext context) {
        return context.rawLog()
                .map(RawMessage::of)
                .orElseGet(() -> Bytes.of(event.message().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Returns {@code message} as text fit for one line between double quotes: valid UTF-8 as it is, {@code \\},
     * {@code \"}, {@code \n}, {@code \r} and {@code \t} escaped, and any other control or format character, and every
     * byte that is not valid UTF-8, as {@code \xNN} per byte.
     */
    static String readable(Bytes message) {
        byte[] bytes = message.toByteArray();
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more UTF-16 chars than it has bytes.
        CharBuffer decoded = CharBuffer.allocate(bytes.length);
        StringBuilder text = new StringBuilder(bytes.length + 8);
        while (true) {
            CoderResult result = decoder.decode(in, decoded, true);
            decoded.flip();
            appendEscaped(text, decoded);
            decoded.clear();
            if (!result.isError()) {
                break;
            }
            for (int i = 0; i < result.length(); i++) {
                appendByte(text, in.get());
            }
        }
        return text.toString();
    }

    private static void appendEscaped(StringBuilder text, CharSequence chars) {
        chars.codePoints().forEach(codePoint -> {
            switch (codePoint) {
                case '\\' -> text.append("\\\\");
                case '"' -> text.append("\\\"");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (isInvisible(codePoint)) {
                        for (byte each : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8)) {
                            appendByte(text, each);
                        }
                    } else {
                        text.appendCodePoint(codePoint);
                    }
                }
            }
        });
    }

    /** Characters that would not show, or would change how the rest of the line shows. */
    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint)
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static void appendByte(StringBuilder text, byte value) {
        text.append("\\x").append(HEX[(value >> 4) & 0xf]).append(HEX[value & 0xf]);
    }
}
