package dev.ferry.support;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** Empties Ferry's tables before each test, on H2 and PostgreSQL alike. */
public class CleanDatabase implements BeforeEachCallback {

    static final List<String> TABLES = List.of("lifecycle_token", "site");

    @Override
    public void beforeEach(ExtensionContext context) {
        var jdbc = new JdbcTemplate(SpringExtension.getApplicationContext(context).getBean(DataSource.class));
        TABLES.forEach(table -> jdbc.update("delete from " + table));
    }
}
