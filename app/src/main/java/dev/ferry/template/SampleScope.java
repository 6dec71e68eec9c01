package dev.ferry.template;

import java.util.AbstractMap;
import java.util.Set;

/** A scope that knows every variable and answers "sample", for rendering a template before real events arrive. */
final class SampleScope extends AbstractMap<String, Object> {

    static final String VALUE = "sample";

    @Override
    public boolean containsKey(Object key) {
        return true;
    }

    @Override
    public Object get(Object key) {
        return VALUE;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return Set.of();
    }
}
