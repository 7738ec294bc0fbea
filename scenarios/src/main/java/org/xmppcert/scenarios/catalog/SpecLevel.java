package org.xmppcert.scenarios.catalog;

/** How a profile lists a specification (XEP-0211 §2 "Requirement Level"). */
public enum SpecLevel {
    REQUIRED, RECOMMENDED
}
