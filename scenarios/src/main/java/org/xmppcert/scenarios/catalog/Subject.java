package org.xmppcert.scenarios.catalog;

/** Who must do what a requirement says: what xmppcert judges in {@code server} or {@code client} mode. */
public enum Subject {
    SERVER, CLIENT
}
