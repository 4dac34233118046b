/**
 * The {@code delivery} command line: deliverykit's decisions on JSON files and git histories.
 */
module io.github.deliverykit.cli {
    requires io.github.deliverykit.policy;
    requires io.github.deliverykit.formats;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires java.desktop;
    requires org.jfree.jfreechart;
    requires org.jfree.svg;
    requires static org.jspecify;

    exports io.github.deliverykit.cli;

    opens io.github.deliverykit.cli to info.picocli, com.fasterxml.jackson.databind;
}
