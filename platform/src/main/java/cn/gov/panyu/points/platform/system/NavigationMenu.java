package cn.gov.panyu.points.platform.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The left menu and the breadcrumbs derived from it, as data rather than markup, so that a feature
 * switches its entry on by giving it a path and a later role check can filter the same list.
 *
 * <p>Labels are message keys: {@code menu.<group>} and {@code menu.<group>.description} for a group,
 * {@code menu.<group>.<item>} for an item. Templates read this bean as {@code @navigationMenu}.
 */
@Component("navigationMenu")
public class NavigationMenu {

    private static final String HOME_PATH = "/";

    // A feature switches its entry on by giving it a path: item("enterprises", "/enterprises").
    // Entries without one are shown as disabled "建设中" items, never as dead links.
    private static final List<Group> GROUPS = List.of(
            group("collection", item("enterprises", "/enterprises"), item("import", "/collection/imports"), item("review", "/collection/conflicts"),
                    item("declarations", "/declarations/review")),
            group("scoremodel", item("models", "/models"), item("indicators", "/indicators")),
            group("evaluation", item("runs", "/evaluation/runs"), item("notice", "/evaluation/notice")),
            group("portal", item("search", "/enterprises?sort=total&dir=desc"), item("rankings", "/rankings"), item("my", "/my"),
                    item("public", "/public/rankings"), item("methodology", "/public/methodology")),
            group("analytics", item("dashboard"), item("whitepaper")),
            group("services", item("credit", "/bank/enterprises"), item("contest"), item("cultivation")),
            group("system", item("accounts"), item("audit")));

    private final Item home = new Item("menu.home", HOME_PATH);
    private final List<Group> groups;

    public NavigationMenu() {
        this(GROUPS);
    }

    NavigationMenu(List<Group> groups) {
        this.groups = List.copyOf(groups);
    }

    public Item home() {
        return home;
    }

    public List<Group> groups() {
        return groups;
    }

    /**
     * 首页, then the group and item whose page the request is on, if any; the last crumb is the page
     * itself. Pages deeper than a menu item add their own crumb after these.
     */
    public List<Crumb> trail(String requestPath) {
        List<Crumb> trail = new ArrayList<>();
        trail.add(new Crumb(home.labelKey(), HOME_PATH));
        for (Group group : groups) {
            for (Item item : group.items()) {
                if (item.contains(requestPath)) {
                    trail.add(new Crumb(group.labelKey(), null));
                    trail.add(new Crumb(item.labelKey(), item.path()));
                    return trail;
                }
            }
        }
        return trail;
    }

    static Group group(String id, ItemSpec... items) {
        String key = "menu." + id;
        List<Item> built = Arrays.stream(items).map(spec -> new Item(key + "." + spec.id(), spec.path())).toList();
        return new Group(id, key, key + ".description", built);
    }

    static ItemSpec item(String id) {
        return item(id, null);
    }

    static ItemSpec item(String id, String path) {
        return new ItemSpec(id, path);
    }

    record ItemSpec(String id, String path) {
    }

    /** A menu group such as 数据采集. */
    public record Group(String id, String labelKey, String descriptionKey, List<Item> items) {

        public Group {
            items = List.copyOf(items);
        }

        /** How many entries already lead to a page, for the home page's module overview. */
        public long availableCount() {
            return items.stream().filter(Item::available).count();
        }
    }

    /** One menu entry; {@code path} is null while its page is still being built. */
    public record Item(String labelKey, String path) {

        public boolean available() {
            return path != null;
        }

        /** True on the entry's own page and on pages below it ({@code /enterprises/123}). */
        public boolean contains(String requestPath) {
            if (path == null || requestPath == null) {
                return false;
            }
            if (HOME_PATH.equals(path)) {
                return HOME_PATH.equals(requestPath);
            }
            return requestPath.equals(path) || requestPath.startsWith(path + "/");
        }
    }

    /** One breadcrumb; {@code path} is null for a group, which has no page of its own. */
    public record Crumb(String labelKey, String path) {
    }
}
