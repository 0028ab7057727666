package cn.gov.panyu.points.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.platform.system.NavigationMenu.Crumb;
import cn.gov.panyu.points.platform.system.NavigationMenu.Item;

class NavigationMenuTests {

    private final NavigationMenu menu = new NavigationMenu();

    @Test
    void groupsFollowTheBureausTaskOrder() {
        assertThat(menu.groups()).extracting(NavigationMenu.Group::labelKey).containsExactly(
                "menu.collection", "menu.scoremodel", "menu.evaluation", "menu.portal",
                "menu.analytics", "menu.services", "menu.system");
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
                NavigationMenu.group("collection", NavigationMenu.item("enterprises", "/enterprises"))));

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
        Item enterprises = new Item("menu.collection.enterprises", "/enterprises");

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
    void anEntryWithoutAPageIsUnavailableAndContainsNothing() {
        Item soon = new Item("menu.portal.search", null);

        assertThat(soon.available()).isFalse();
        assertThat(soon.contains("/")).isFalse();
    }
}
