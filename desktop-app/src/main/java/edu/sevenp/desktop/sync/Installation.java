package edu.sevenp.desktop.sync;

import edu.sevenp.model.DeviceId;
import edu.sevenp.model.protocol.DeviceInfo;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/** How this installation describes itself when it signs in; the device id comes from the profile. */
public record Installation(String name, String platform, String appVersion) {

    public Installation {
        Objects.requireNonNull(name, "name");
    }

    /** The computer's host name (the learner recognises it in the list of devices), the OS and the app's version. */
    public static Installation ofThisComputer(String appVersion) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getProperty("os.name", "computer");
        }
        String name = host.length() > 100 ? host.substring(0, 100) : host;
        String platform = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT).contains("win") ? "Windows"
                : System.getProperty("os.name", "unknown");
        return new Installation(name, platform.length() > 50 ? platform.substring(0, 50) : platform, appVersion);
    }

    DeviceInfo as(DeviceId device) {
        return new DeviceInfo(device.value(), name, platform, appVersion);
    }
}
