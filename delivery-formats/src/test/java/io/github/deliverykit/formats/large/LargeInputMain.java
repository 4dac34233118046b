package io.github.deliverykit.formats.large;

import io.github.deliverykit.formats.events.IncidentRead;
import io.github.deliverykit.formats.events.OpsgenieIncidents;
import java.nio.file.Path;

/** Reads one Opsgenie incidents file and prints the report's summary: run by {@link LargeInputTest} in a small heap. */
public final class LargeInputMain {

    private LargeInputMain() {}

    /**
     * Reads the file named by the first argument.
     *
     * @param args the file
     */
    public static void main(String[] args) {
        IncidentRead r = OpsgenieIncidents.read(Path.of(args[0]));
        System.out.println(r.incidents().size() + " incidents; " + r.report().summary());
    }
}
