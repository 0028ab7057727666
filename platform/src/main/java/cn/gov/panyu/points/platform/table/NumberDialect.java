package cn.gov.panyu.points.platform.table;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Gives every template {@code #fmt}, one shared {@link PageNumbers} (it keeps no state). Spring Boot adds it to the
 * platform's template engine; an engine built by hand (a test's) adds it itself.
 */
@Component
public class NumberDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "fmt";
    private static final PageNumbers NUMBERS = new PageNumbers();

    public NumberDialect() {
        super("page numbers");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? NUMBERS : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
