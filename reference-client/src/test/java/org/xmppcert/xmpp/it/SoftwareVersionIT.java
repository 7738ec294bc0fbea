package org.xmppcert.xmpp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.xmppcert.xmpp.session.XmppSession;
import org.xmppcert.xmpp.stanza.StanzaErrorCondition;
import org.xmppcert.xmpp.version.SoftwareVersion;
import org.xmppcert.xmpp.version.VersionInfo;
import org.xmppcert.xmpp.version.VersionQueryException;

/** XEP-0092 against the CI servers (Prosody's and ejabberd's mod_version) and between two clients. */
class SoftwareVersionIT {

    @Test
    void prosodyNamesItself() throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.prosody())) {
            XmppSession a = f.login(f.account(), "a");

            VersionInfo v = SoftwareVersion.of(a).queryServer();

            assertThat(v.name()).isEqualTo("Prosody");
            assertThat(v.version()).matches("\\d+\\.\\d+\\.\\d+.*");
            assertThat(v.complete()).isTrue();
        }
    }

    @Test
    void ejabberdNamesItself() throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.ejabberd())) {
            XmppSession a = f.login(f.account(), "a");

            VersionInfo v = SoftwareVersion.of(a).queryServer();

            assertThat(v.name()).isEqualTo("ejabberd");
            assertThat(v.version()).matches("\\d+\\.\\d+.*");
        }
    }

    @Test
    void anotherClientGetsOurAnswerWithoutOs() throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.prosody())) {
            XmppSession a = f.login(f.account(), "a");
            XmppSession b = f.login(f.account(), "b");
            SoftwareVersion.of(b);

            VersionInfo v = SoftwareVersion.of(a).query(b.localJid().toString(), Negotiation.TIMEOUT);

            assertThat(v).isEqualTo(new VersionInfo("xmppcert", "development", null));
        }
    }

    @Test
    void aClientWithoutTheResponderAnswersServiceUnavailable() throws Exception {
        try (MessagingFixture f = new MessagingFixture(CiServer.prosody())) {
            XmppSession a = f.login(f.account(), "a");
            XmppSession b = f.login(f.account(), "b");

            assertThatThrownBy(() -> SoftwareVersion.of(a).query(b.localJid().toString(), Negotiation.TIMEOUT))
                    .isInstanceOfSatisfying(VersionQueryException.class,
                            e -> assertThat(e.condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE));
        }
    }
}
