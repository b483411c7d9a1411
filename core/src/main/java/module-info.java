/** BigHummingbird's domain values: names, tags, run ids, canonical JSON, the records runs travel as. */
module org.bighummingbird.core {
    requires transitive com.fasterxml.jackson.databind;

    exports org.bighummingbird.core;

    // records travel as JSON: Jackson reads and writes them by reflection
    opens org.bighummingbird.core to com.fasterxml.jackson.databind;
}
