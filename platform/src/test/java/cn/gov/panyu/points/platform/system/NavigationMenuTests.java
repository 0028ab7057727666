package cn.gov.panyu.points.platform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;

import cn.gov.panyu.points.platform.system.NavigationMenu.Crumb;
import cn.gov.panyu.points.platform.system.NavigationMenu.Group;
import cn.gov.panyu.points.platform.system.NavigationMenu.Item;

class NavigationMenuTests {

    private final NavigationMenu menu = new NavigationMenu();

    @Test
    void groupsFollowTheBureausTaskOrder() {
        assertThat(menu.groups()).extracting(NavigationMenu.Group::labelKey).containsExactly(
                "menu.collection", "menu.scoremodel", "menu.evaluation", "menu.portal", "menu.analytics", "menu.services",
                "menu.contest", "menu.performance", "menu.system");
    }

    @Test
    void everyGroupHasEntriesWithKeysUnderItsOwnPrefix() {
        for (NavigationMenu.Group group : menu.groups()) {
            assertThat(group.items()).isNotEmpty();
            assertThat(group.items()).allSatisfy(item -> assertThat(item.labelKey()).startsWith(group.labelKey() + "."));
            assertThat(group.descriptionKey()).isEqualTo(group.labelKey() + ".description");
        }
    }

    @Test
    void homeTrailIsJustHome() {
        assertThat(menu.trail("/")).containsExactly(new Crumb("menu.home", "/"));
    }

    @Test
    void pageOfAnEntryTrailsThroughItsGroup() {
        NavigationMenu withPages = new NavigationMenu(List.of(
                NavigationMenu.group("collection", NavigationMenu.item("enterprises", "/enterprises", "staff#enterprises", Role.STAFF))));

        assertThat(withPages.trail("/enterprises/91440101MA5CXXXX1X")).containsExactly(
                new Crumb("menu.home", "/"),
                new Crumb("menu.collection", null),
                new Crumb("menu.collection.enterprises", "/enterprises"));
    }

    @Test
    void unknownPathsTrailBackToHomeOnly() {
        assertThat(menu.trail("/error")).containsExactly(new Crumb("menu.home", "/"));
    }

    @Test
    void anEntryContainsItsOwnPageAndThePagesBelowItButNotLookAlikes() {
        Item enterprises = new Item("menu.collection.enterprises", "/enterprises", "staff#enterprises", Set.of(Role.STAFF), false);

        assertThat(enterprises.contains("/enterprises")).isTrue();
        assertThat(enterprises.contains("/enterprises/91440101MA5CXXXX1X")).isTrue();
        assertThat(enterprises.contains("/enterprises-export")).isFalse();
        assertThat(enterprises.contains("/")).isFalse();
    }

    @Test
    void homeContainsOnlyTheRootPath() {
        assertThat(menu.home().contains("/")).isTrue();
        assertThat(menu.home().contains("/anything")).isFalse();
    }

    @Test
    void everyEntryIsAPageNoPlaceholder() {
        assertThatThrownBy(() -> NavigationMenu.item("soon", null, null, Role.STAFF)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NavigationMenu.publicItem("soon", null, null)).isInstanceOf(IllegalArgumentException.class);
        // a query never matches a request path, so such an entry would never be highlighted nor trailed
        assertThatThrownBy(() -> NavigationMenu.item("search", "/enterprises?sort=total", null, Role.STAFF))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLongestEntryContainingAPageIsItsEntry() {
        assertThat(menu.current("/declarations/review/7").labelKey()).isEqualTo("menu.collection.declarations");
        assertThat(menu.current("/declarations/2025").labelKey()).isEqualTo("menu.collection.declare");
        assertThat(menu.current("/my/consents").labelKey()).isEqualTo("menu.services.consents");
        assertThat(menu.current("/my").labelKey()).isEqualTo("menu.portal.my");
        assertThat(menu.current("/")).isEqualTo(menu.home());
        assertThat(menu.current("/account/password")).isNull();
        assertThat(menu.trail("/my/consents")).containsExactly(new Crumb("menu.home", "/"),
                new Crumb("menu.services", null), new Crumb("menu.services.consents", "/my/consents"));
    }

    @Test
    void enterprisesFindTheirDeclarationsAndBankConsentsInTheMenu() {
        assertThat(paths(menu.groupsFor(as(Role.ENTERPRISE)))).containsExactly("/declarations", "/my",
                "/public/rankings", "/public/methodology", "/my/market", "/my/applications", "/my/consents",
                "/my/cultivation");
    }

    @Test
    void onlyAdministratorsSeeSystemInformation() {
        assertThat(paths(menu.groupsFor(as(Role.ADMIN)))).contains("/admin/system");
        for (Role role : new Role[] {Role.STAFF, Role.ENTERPRISE, Role.BANK, Role.EXPERT}) {
            assertThat(paths(menu.groupsFor(as(role)))).as(role.name()).doesNotContain("/admin/system");
        }
    }

    @Test
    void anonymousVisitorsSeeOnlyPublicEntries() {
        Authentication anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        NavigationMenu withPublic = new NavigationMenu(List.of(
                NavigationMenu.group("portal", NavigationMenu.item("search", "/enterprises", "staff#enterprises", Role.STAFF),
                        NavigationMenu.publicItem("rankings", "/public/rankings", "enterprise#public"))));

        assertThat(menu.groupsFor(anonymous)).flatExtracting(Group::items).extracting(Item::path)
                .containsExactly("/public/rankings", "/public/methodology");
        assertThat(menu.groupsFor(null)).flatExtracting(Group::items).extracting(Item::path)
                .containsExactly("/public/rankings", "/public/methodology");
        assertThat(withPublic.groupsFor(anonymous)).singleElement()
                .satisfies(g -> assertThat(g.items()).extracting(Item::path).containsExactly("/public/rankings"));
    }

    @Test
    void staffSeeTheirTaskGroupsButNotUserManagement() {
        assertThat(paths(menu.groupsFor(as(Role.STAFF)))).contains("/enterprises", "/evaluation/runs", "/audit",
                "/registrations").doesNotContain("/admin/users");
        assertThat(menu.groupsFor(as(Role.STAFF))).extracting(NavigationMenu.Group::id).contains("collection", "system");
    }

    @Test
    void administratorsAlsoSeeUserManagement() {
        assertThat(paths(menu.groupsFor(as(Role.ADMIN)))).contains("/admin/users", "/audit", "/enterprises");
    }

    @Test
    void enterpriseBankAndExpertUsersSeeNoneOfTheBureausEntries() {
        for (Role role : new Role[] {Role.ENTERPRISE, Role.BANK, Role.EXPERT}) {
            assertThat(paths(menu.groupsFor(as(role)))).as(role.name())
                    .doesNotContain("/enterprises", "/audit", "/admin/users", "/collection/imports", "/models");
        }
    }

    @Test
    void expertsFindTheirWorkspaceAndStaffTheContests() {
        assertThat(paths(menu.groupsFor(as(Role.EXPERT)))).containsExactly("/public/rankings", "/public/methodology", "/expert");
        assertThat(paths(menu.groupsFor(as(Role.STAFF)))).contains("/contests").doesNotContain("/expert");
    }

    @Test
    void anEntryMustNameItsRoles() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NavigationMenu.item("x", "/x", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> paths(List<NavigationMenu.Group> groups) {
        return groups.stream().flatMap(g -> g.items().stream()).map(Item::path).toList();
    }

    private static Authentication as(Role role) {
        PlatformUser user = new PlatformUser("u", "", "U", role, null, null, true, false);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }
}
