package org.xmppcert.scenarios.lang;

/**
 * A scenario file that is not valid: against the schema, or against the rules the schema cannot
 * express (names, placeholders, catalog ids). The message names the file and the line.
 */
public final class ScenarioParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public ScenarioParseException(String source, int line, String problem) {
        this(source, line, problem, null);
    }

    public ScenarioParseException(String source, int line, String problem, Throwable cause) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.source = source;
        this.line = line;
    }

    /** The file or resource, as given to the parser. */
    public String source() {
        return source;
    }

    /** The line of the problem, or 0 when unknown. */
    public int line() {
        return line;
    }
}
