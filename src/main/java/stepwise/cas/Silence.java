package stepwise.cas;

/** Keeps Symja's logging off the user's terminal; must run before Symja's classes load. */
public final class Silence {
    private Silence() {}

    public static void apply() {
        setIfAbsent("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        setIfAbsent("org.apache.logging.log4j.simplelog.level", "OFF");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
