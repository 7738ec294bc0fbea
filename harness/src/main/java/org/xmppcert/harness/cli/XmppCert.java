package org.xmppcert.harness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code xmppcert} command: a compliance test harness for XMPP (XEP-0211 Basic Client 2008). */
@Command(name = "xmppcert",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Compliance test harness for XMPP: certifies servers and clients against",
            "the XMPP Basic Client 2008 compliance level (XEP-0211): RFC 3920/3921 read",
            "with RFC 6120/6121, XEP-0030, XEP-0106, XEP-0115 and XEP-0138."},
        subcommands = {ServerCommand.class, RequirementsCommand.class, ConnectCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Run 'xmppcert help <command>' for the options of a command."})
public final class XmppCert implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'server'");
    }

    /** Builds the command line with xmppcert's error handling: usage errors exit with 2. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new XmppCert());
        cl.setExitCodeExceptionMapper(t -> ExitCode.INTERNAL_ERROR.code());
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("xmppcert: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Run 'xmppcert " + ex.getCommandLine().getCommandName()
                    .replace("xmppcert", "").trim() + " --help' for usage.");
            return ExitCode.USAGE.code();
        });
        return cl;
    }

    /**
     * Bouncy Castle's TLS provider logs through java.util.logging, at INFO and WARNING, about the
     * JVM's security properties: noise on a console whose every line should mean something.
     * Held here because java.util.logging keeps loggers only weakly.
     */
    private static final java.util.logging.Logger BOUNCY_CASTLE_LOG = java.util.logging.Logger.getLogger("org.bouncycastle");

    public static void main(String[] args) {
        BOUNCY_CASTLE_LOG.setLevel(java.util.logging.Level.SEVERE);
        System.exit(commandLine().execute(args));
    }
}
