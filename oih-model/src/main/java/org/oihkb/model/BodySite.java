package org.oihkb.model;

import java.util.EnumSet;
import java.util.Set;

/** The body-site vocabulary of format 1, each site belonging to a {@link BodyRegion}. */
public enum BodySite implements Coded {
    HEAD("head", BodyRegion.AXIAL),
    NECK("neck", BodyRegion.AXIAL),
    UPPER_BACK("upper-back", BodyRegion.AXIAL),
    LOWER_BACK("lower-back", BodyRegion.AXIAL),
    CHEST("chest", BodyRegion.AXIAL),
    ABDOMEN("abdomen", BodyRegion.AXIAL),
    PELVIS("pelvis", BodyRegion.AXIAL),
    LEFT_SHOULDER("left-shoulder", BodyRegion.LEFT_ARM),
    RIGHT_SHOULDER("right-shoulder", BodyRegion.RIGHT_ARM),
    LEFT_ARM("left-arm", BodyRegion.LEFT_ARM),
    RIGHT_ARM("right-arm", BodyRegion.RIGHT_ARM),
    LEFT_HAND("left-hand", BodyRegion.LEFT_ARM),
    RIGHT_HAND("right-hand", BodyRegion.RIGHT_ARM),
    LEFT_HIP("left-hip", BodyRegion.LEFT_LEG),
    RIGHT_HIP("right-hip", BodyRegion.RIGHT_LEG),
    LEFT_LEG("left-leg", BodyRegion.LEFT_LEG),
    RIGHT_LEG("right-leg", BodyRegion.RIGHT_LEG),
    LEFT_FOOT("left-foot", BodyRegion.LEFT_LEG),
    RIGHT_FOOT("right-foot", BodyRegion.RIGHT_LEG),
    /** Pain everywhere: covers every region. */
    WIDESPREAD("widespread", null);

    private final String code;
    private final BodyRegion region;

    BodySite(String code, BodyRegion region) {
        this.code = code;
        this.region = region;
    }

    @Override
    public String code() {
        return code;
    }

    /** The regions this site covers: one, or all of them for {@link #WIDESPREAD}. */
    public Set<BodyRegion> regions() {
        return region == null ? EnumSet.allOf(BodyRegion.class) : EnumSet.of(region);
    }

    /** @throws InvalidRecordException listing the accepted codes when {@code code} is not one */
    public static BodySite fromCode(String field, String code) {
        return Coded.parse(BodySite.class, field, code);
    }
}
