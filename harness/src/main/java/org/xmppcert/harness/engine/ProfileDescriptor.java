package org.xmppcert.harness.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.xmppcert.scenarios.catalog.Profile;

/** A compliance profile, e.g. XMPP Basic Client 2008: its specifications are its children. */
@API(status = EXPERIMENTAL)
public final class ProfileDescriptor extends AbstractTestDescriptor {
    /** The unique-id segment type: {@code [profile:basic-client-2008]}. */
    public static final String SEGMENT = "profile";

    private final Profile profile;

    ProfileDescriptor(UniqueId parent, Profile profile) {
        super(parent.append(SEGMENT, profile.id()), profile.title());
        this.profile = profile;
    }

    public Profile profile() {
        return profile;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
