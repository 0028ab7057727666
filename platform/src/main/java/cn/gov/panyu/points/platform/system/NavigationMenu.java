package cn.gov.panyu.points.platform.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;

/**
 * The left menu and the breadcrumbs derived from it, as data rather than markup, so that a feature
 * switches its entry on by giving it a path, and each entry says which roles see it. A role sees only
 * the entries it may use (the pages themselves are guarded by SecurityConfiguration and the services;
 * hiding an entry is courtesy, not protection).
 *
 * <p>Labels are message keys: {@code menu.<group>} and {@code menu.<group>.description} for a group,
 * {@code menu.<group>.<item>} for an item. Templates read this bean as {@code @navigationMenu}.
 */
@Component("navigationMenu")
public class NavigationMenu {

    private static final String HOME_PATH = "/";
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private static final Role STAFF = Role.STAFF;
    private static final Role ADMIN = Role.ADMIN;

    // An entry is a page that exists: item("enterprises", "/enterprises", STAFF), publicItem(...) for pages
    // without sign-in. Features still to come get their entry with their page, not before (no "建设中"
    // placeholders). Administrators hold the staff role too, so STAFF entries are theirs as well. Each
    // entry's label is the title of the page it opens (NavigationMenuBrowserIntegrationTests).
    private static final List<Group> GROUPS = List.of(
            group("collection", item("enterprises", "/enterprises", "staff#enterprises", STAFF),
                    item("import", "/collection/imports", "staff#import", STAFF),
                    item("conflicts", "/collection/conflicts", "staff#review", STAFF),
                    item("anomalies", "/collection/anomalies", "staff#review", STAFF),
                    item("quality", "/collection/quality", "staff#quality", STAFF),
                    item("declarations", "/declarations/review", "staff#declarations", STAFF),
                    item("declare", "/declarations", "enterprise#declarations", Role.ENTERPRISE)),
            group("scoremodel", item("models", "/models", "staff#models", STAFF),
                    item("indicators", "/indicators", "staff#indicators", STAFF),
                    item("calibration", "/calibration", "staff#calibration", STAFF)),
            group("evaluation", item("runs", "/evaluation/runs", "staff#runs", STAFF),
                    item("notice", "/evaluation/notice", "staff#notice", STAFF)),
            group("portal", item("my", "/my", "enterprise#my", Role.ENTERPRISE),
                    item("rankings", "/rankings", "staff#rankings", STAFF),
                    publicItem("public", "/public/rankings", "enterprise#public"),
                    publicItem("methodology", "/public/methodology", "enterprise#public")),
            group("analytics", item("dashboard", "/analytics", "staff#dashboard", STAFF),
                    item("leader", "/analytics/leader", "staff#dashboard", STAFF),
                    item("whitepaper", "/analytics/whitepaper", "staff#whitepaper", STAFF)),
            group("services", item("bank", "/bank/enterprises", "bank#enterprises", Role.BANK),
                    item("bankProducts", "/bank/products", "bank#products", Role.BANK),
                    item("bankWhitelist", "/bank/whitelist", "bank#whitelist", Role.BANK),
                    item("bankApplications", "/bank/applications", "bank#applications", Role.BANK),
                    item("bankLoans", "/bank/loans", "bank#loans", Role.BANK),
                    item("creditProducts", "/credit/products", "staff#credit-products", STAFF),
                    item("partnerBanks", "/credit/banks", "staff#partner-banks", STAFF),
                    item("creditTotals", "/credit/totals", "staff#credit-totals", STAFF),
                    item("market", "/my/market", "enterprise#market", Role.ENTERPRISE),
                    item("myApplications", "/my/applications", "enterprise#applications", Role.ENTERPRISE),
                    item("consents", "/my/consents", "enterprise#consents", Role.ENTERPRISE),
                    item("cultivation", "/cultivation", "staff#cultivation", STAFF),
                    item("pools", "/cultivation/pools", "staff#pools", STAFF),
                    item("myCultivation", "/my/cultivation", "enterprise#cultivation", Role.ENTERPRISE)),
            group("contest", item("contests", "/contests", "staff#contests", STAFF),
                    item("expert", "/expert", "expert#workspace", Role.EXPERT)),
            group("performance", item("declarations", "/performance", "staff#performance", STAFF)),
            group("system", item("accounts", "/admin/users", "admin#accounts", ADMIN),
                    item("registrations", "/registrations", "admin#registrations", STAFF),
                    item("audit", "/audit", "admin#audit", STAFF), item("info", "/admin/system", "admin#system", ADMIN)));

    /** The guide section of pages outside the menu, for people who are not signed in yet. */
    private static final Map<String, String> SIGN_IN_HELP = Map.of("/login", "enterprise#register",
            "/register", "enterprise#register");

    private final Item home = new Item("menu.home", HOME_PATH, null, Set.of(), true);
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

    /** The groups as {@code user} sees them: only its entries, and no group left empty. */
    public List<Group> groupsFor(Authentication user) {
        List<Group> visible = new ArrayList<>();
        for (Group group : groups) {
            List<Item> items = group.items().stream().filter(item -> item.visibleTo(user)).toList();
            if (!items.isEmpty()) {
                visible.add(new Group(group.id(), group.labelKey(), group.descriptionKey(), items));
            }
        }
        return visible;
    }

    /**
     * 首页, then the group and item whose page the request is on, if any; the last crumb is the page
     * itself. Pages deeper than a menu item add their own crumb after these.
     */
    public List<Crumb> trail(String requestPath) {
        List<Crumb> trail = new ArrayList<>();
        trail.add(new Crumb(home.labelKey(), HOME_PATH));
        Item item = current(requestPath);
        if (item == null) {
            return trail;
        }
        for (Group group : groups) {
            if (group.items().contains(item)) {
                trail.add(new Crumb(group.labelKey(), null));
                trail.add(new Crumb(item.labelKey(), item.path()));
                return trail;
            }
        }
        return trail;
    }

    /**
     * The entry whose page the request is on: the one with the longest path containing it, so that
     * {@code /declarations/review/7} belongs to 填报审核 rather than to the enterprise's 企业填报 at
     * {@code /declarations}; {@link #home()} on the home page, null elsewhere.
     */
    public Item current(String requestPath) {
        if (home.contains(requestPath)) {
            return home;
        }
        Item best = null;
        for (Group group : groups) {
            for (Item item : group.items()) {
                if (item.contains(requestPath) && (best == null || item.path().length() > best.path().length())) {
                    best = item;
                }
            }
        }
        return best;
    }

    /**
     * The user guide's section about the page at {@code requestPath} ({@code /help/staff#import}): the
     * section of its menu entry, else the guide of the user's role (on the home page, its first section).
     */
    public String helpFor(String requestPath, Authentication user) {
        Item item = current(requestPath);
        if (item != null && item.help() != null && item.visibleTo(user)) {
            return "/help/" + item.help();
        }
        if (SIGN_IN_HELP.containsKey(requestPath)) {
            return "/help/" + SIGN_IN_HELP.get(requestPath);
        }
        if (user == null || !(user.getPrincipal() instanceof PlatformUser signedIn)) {
            return "/help";
        }
        return switch (signedIn.role()) {
            case ADMIN, STAFF -> "/help/staff#home";
            case ENTERPRISE -> "/help/enterprise#my";
            case BANK -> "/help/bank#enterprises";
            case EXPERT -> "/help/expert#workspace";
        };
    }

    /** Someone signed in: not nobody, not the anonymous visitor (what {@code isAuthenticated()} answers). */
    static boolean signedIn(Authentication user) {
        return TRUST.isAuthenticated(user);
    }

    static Group group(String id, ItemSpec... items) {
        String key = "menu." + id;
        List<Item> built = Arrays.stream(items)
                .map(spec -> new Item(key + "." + spec.id(), spec.path(), spec.help(), spec.roles(), spec.open())).toList();
        return new Group(id, key, key + ".description", built);
    }

    /** An entry for the given roles; {@code help} is the guide section that explains its page ({@code staff#import}). */
    static ItemSpec item(String id, String path, String help, Role... roles) {
        requirePath(id, path);
        if (roles.length == 0) {
            throw new IllegalArgumentException("menu entry " + id + " names no role; use publicItem for public pages");
        }
        return new ItemSpec(id, path, help, EnumSet.copyOf(Arrays.asList(roles)), false);
    }

    /** An entry everyone sees, signed in or not. */
    static ItemSpec publicItem(String id, String path, String help) {
        requirePath(id, path);
        return new ItemSpec(id, path, help, EnumSet.allOf(Role.class), true);
    }

    private static void requirePath(String id, String path) {
        if (path == null || !path.startsWith("/") || path.contains("?")) {
            throw new IllegalArgumentException("menu entry " + id + " needs the path of its page (without a query): " + path);
        }
    }

    record ItemSpec(String id, String path, String help, Set<Role> roles, boolean open) {
    }

    /** A menu group such as 数据采集. */
    public record Group(String id, String labelKey, String descriptionKey, List<Item> items) {

        public Group {
            items = List.copyOf(items);
        }
    }

    /**
     * One menu entry: the page at {@code path}, explained by the guide section {@code help}. {@code open}
     * entries are shown to everyone, the others to users holding one of {@code roles}.
     */
    public record Item(String labelKey, String path, String help, Set<Role> roles, boolean open) {

        public Item {
            roles = Set.copyOf(roles);
        }

        public boolean visibleTo(Authentication user) {
            if (open) {
                return true;
            }
            if (!signedIn(user)) {
                return false;
            }
            for (GrantedAuthority authority : user.getAuthorities()) {
                for (Role role : roles) {
                    if (role.authority().equals(authority.getAuthority())) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** True on the entry's own page and on pages below it ({@code /enterprises/123}). */
        public boolean contains(String requestPath) {
            if (requestPath == null) {
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
