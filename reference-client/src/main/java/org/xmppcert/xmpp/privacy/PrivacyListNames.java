package org.xmppcert.xmpp.privacy;

import java.util.List;
import java.util.Optional;

/**
 * The answer to a request for one's privacy lists (RFC 3921 §10.3): the active list of the
 * requesting session, the default list of the account, and the names of all lists.
 *
 * @param active the {@code <active name/>}, or {@code null} when the server named none
 * @param defaultList the {@code <default name/>}, or {@code null} when the server named none
 * @param lists the names of every {@code <list/>}, in document order
 */
public record PrivacyListNames(String active, String defaultList, List<String> lists) {
    public PrivacyListNames {
        lists = List.copyOf(lists);
    }

    public Optional<String> activeList() {
        return Optional.ofNullable(active);
    }

    public Optional<String> defaultListName() {
        return Optional.ofNullable(defaultList);
    }
}
