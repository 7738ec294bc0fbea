package org.xmppcert.scenarios.spi;

import org.xmppcert.xmpp.jid.Jid;

/**
 * An account a scenario acts as.
 *
 * @param name the actor's name in the scenario, e.g. {@code alice}
 * @param jid its bare JID on the target
 * @param password its password (never shown: the transcript masks it)
 */
public record Account(String name, Jid jid, char[] password) {
    @Override
    public String toString() {
        return "Account[" + name + ", " + jid + "]";
    }
}
