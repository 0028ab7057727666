package cn.gov.panyu.points.platform.declaration;

import org.springframework.context.MessageSourceResolvable;

/**
 * A declaration rule the user broke (submitting twice, approving a draft, a file of the wrong type …):
 * nothing was changed, and the message key {@code declaration.error.<code>} tells the user why.
 */
public class DeclarationException extends RuntimeException implements MessageSourceResolvable {

    private final String code;
    private final transient Object[] args;

    DeclarationException(String code, Object... args) {
        super(code);
        this.code = "declaration.error." + code;
        this.args = args;
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return args;
    }
}
