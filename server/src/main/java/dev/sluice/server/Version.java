package dev.sluice.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Sluice's version, as the build wrote it into the jar. */
final class Version {
    private Version() {}

    static String current() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version", "");
                if (!version.isBlank() && !version.startsWith("$")) {
                    return version;
                }
            }
        } catch (IOException e) {
            // fall through: a missing version must not stop the server
        }
        String manifest = Version.class.getPackage().getImplementationVersion();
        return manifest != null ? manifest : "dev";
    }
}
