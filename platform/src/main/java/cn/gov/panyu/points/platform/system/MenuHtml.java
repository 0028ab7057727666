package cn.gov.panyu.points.platform.system;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import cn.gov.panyu.points.platform.system.NavigationMenu.Group;
import cn.gov.panyu.points.platform.system.NavigationMenu.Item;

/**
 * The layout's left menu as HTML ({@code system/menu.html}), rendered once for each combination of the entries a
 * user sees, the entry highlighted and the locale, and then reused: the menu is the same markup on every page
 * view of a role, and rendering its thirty-odd links anew was about 7 % of a staff page (docs/benchmarks.md).
 * The combinations are few and fixed by {@link NavigationMenu} (a handful of roles times its entries; one locale,
 * as {@code spring.web.locale-resolver} is fixed), so the cache needs no bound — a resolver that took the locale
 * from the request would need one. Templates read this bean as {@code @menuHtml}.
 */
@Component("menuHtml")
public class MenuHtml {

    private final NavigationMenu menu;
    private final ITemplateEngine templates;
    private final Map<Key, String> rendered = new ConcurrentHashMap<>();

    MenuHtml(NavigationMenu menu, ITemplateEngine templates) {
        this.menu = menu;
        this.templates = templates;
    }

    /** The menu for {@code user} on the page at {@code path} (relative to the context path). */
    public String render(String path, Authentication user) {
        Key key = new Key(menu.groupsFor(user), menu.current(path), LocaleContextHolder.getLocale(), contextPath());
        return rendered.computeIfAbsent(key, this::render);
    }

    private String render(Key key) {
        Context context = new Context(key.locale());
        context.setVariable("contextPath", key.contextPath());
        context.setVariable("home", menu.home());
        context.setVariable("groups", key.groups());
        context.setVariable("current", key.current());
        return templates.process("system/menu", Set.of("menu"), context);
    }

    private static String contextPath() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getContextPath() : "";
    }

    /** Everything the menu's markup depends on. */
    private record Key(List<Group> groups, Item current, Locale locale, String contextPath) {
    }
}
