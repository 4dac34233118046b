package io.github.deliverykit.formats.internal;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson YAML mapper the SLO and Argo readers share (built once, on first use, so that a JSON-only
 * run does not start it; thread safe). Its errors translate with {@link Json#error}.
 */
public final class Yaml {

    /** YAML, with {@link Json#mapper()}'s settings: unknown properties ignored, duplicate keys rejected. */
    public static final ObjectMapper MAPPER = YAMLMapper.builder(new YAMLFactory())
            .addModule(new JavaTimeModule())
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Yaml() {}
}
