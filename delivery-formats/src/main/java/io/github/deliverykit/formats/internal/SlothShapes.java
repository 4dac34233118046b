package io.github.deliverykit.formats.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Sloth {@code prometheus/v1} specs, Sloth {@code AlertWindows} and Pyrra {@code ServiceLevelObjective}s as Jackson binds them. */
public final class SlothShapes {

    private SlothShapes() {}

    /**
     * A Sloth {@code prometheus/v1} spec.
     *
     * @param version {@code prometheus/v1}
     * @param service the service
     * @param slos the SLOs
     */
    public record Spec(@Nullable String version, @Nullable String service, @Nullable List<SlothSlo> slos) {}

    /**
     * One Sloth SLO.
     *
     * @param name the name
     * @param objective the objective in percent
     * @param sli the SLI (events, raw or plugin)
     * @param alerting the alerting block
     */
    public record SlothSlo(@Nullable String name, @Nullable BigDecimal objective, @Nullable JsonNode sli,
            @Nullable Alerting alerting) {}

    /**
     * Sloth's alerting block.
     *
     * @param name the alert name
     * @param pageAlert the page alert
     * @param ticketAlert the ticket alert
     */
    public record Alerting(@Nullable String name, @JsonProperty("page_alert") @Nullable Toggle pageAlert,
            @JsonProperty("ticket_alert") @Nullable Toggle ticketAlert) {}

    /**
     * A page or ticket alert.
     *
     * @param disable whether it is disabled
     * @param labels its labels
     */
    public record Toggle(@Nullable Boolean disable, @Nullable Map<String, Object> labels) {}

    /**
     * A Pyrra {@code ServiceLevelObjective} (or a Sloth {@code AlertWindows}): apiVersion, kind, metadata, spec.
     *
     * @param apiVersion the API version
     * @param kind the kind
     * @param metadata the metadata
     * @param spec the spec
     */
    public record Resource(@Nullable String apiVersion, @Nullable String kind, OpenSloShapes.@Nullable Metadata metadata,
            @Nullable JsonNode spec) {}

    /**
     * A Pyrra spec.
     *
     * @param target the target in percent, as a string
     * @param window the window, e.g. {@code 4w}
     * @param indicator the indicator
     * @param alerting the alerting block
     */
    public record PyrraSpec(@Nullable String target, @Nullable String window, @Nullable JsonNode indicator,
            @Nullable PyrraAlerting alerting) {}

    /**
     * Pyrra's alerting block.
     *
     * @param disabled whether burn-rate alerts are off
     * @param burnrates whether burn-rate alerts are on (Pyrra's newer field)
     */
    public record PyrraAlerting(@Nullable Boolean disabled, @Nullable Boolean burnrates) {}
}
