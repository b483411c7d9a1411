package org.bighummingbird.it;

import java.nio.file.Path;
import org.bighummingbird.BigHummingbird;
import org.bighummingbird.Fn1;
import org.bighummingbird.Traced;

/**
 * A client process for {@link TwoServersOnPostgresTest}: waits for a start time shared with the
 * other processes, traces one of four variants of the model "shared" on the server at a URL, calls
 * it once, prints its tag and exits.
 *
 * <p>Arguments: server URL, API key, home, variant (0–3), start time (epoch millis).
 */
public final class RegisterModel {
    private RegisterModel() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String key = args[1];
        Path home = Path.of(args[2]);
        int variant = Integer.parseInt(args[3]);
        long startAt = Long.parseLong(args[4]);
        try (BigHummingbird bhb = BigHummingbird.builder("Shared").url(url).apiKey(key).home(home).build()) {
            Thread.sleep(Math.max(0, startAt - System.currentTimeMillis()));
            Fn1<Integer, Integer> model = variant(bhb, variant);
            model.apply(variant);
            System.out.println(((Traced) model).tag());
        }
    }

    private static Fn1<Integer, Integer> variant(BigHummingbird bhb, int variant) {
        switch (variant) {
            case 0:
                return bhb.trace("shared", (Integer x) -> x + 1);
            case 1:
                return bhb.trace("shared", (Integer x) -> x + 2);
            case 2:
                return bhb.trace("shared", (Integer x) -> x + 3);
            case 3:
                return bhb.trace("shared", (Integer x) -> x + 4);
            default:
                throw new IllegalArgumentException("variant must be 0 to 3, got " + variant);
        }
    }
}
