package org.xmppcert.harness.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.xmppcert.scenarios.catalog.ProfileSpec;

/** A specification as the profile lists it, e.g. RFC 3920 (REQUIRED): its scenarios are its children. */
@API(status = EXPERIMENTAL)
public final class SpecDescriptor extends AbstractTestDescriptor {
    /** The unique-id segment type: {@code [spec:RFC 3920]}. */
    public static final String SEGMENT = "spec";

    private final ProfileSpec spec;

    SpecDescriptor(UniqueId parent, ProfileSpec spec) {
        super(parent.append(SEGMENT, spec.spec()), spec.spec() + " (" + spec.level() + ")");
        this.spec = spec;
    }

    public ProfileSpec spec() {
        return spec;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
