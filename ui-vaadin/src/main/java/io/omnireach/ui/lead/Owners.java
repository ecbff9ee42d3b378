package io.omnireach.ui.lead;

import io.omnireach.user.Member;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The members of the tenant who can own leads, by user id, read once per view. */
record Owners(Map<Long, Member> byId) {

  static Owners of(List<Member> members) {
    Map<Long, Member> map = new LinkedHashMap<>();
    members.forEach(m -> map.put(m.userId(), m));
    return new Owners(Map.copyOf(map));
  }

  List<Member> all() {
    return byId.values().stream()
        .sorted(java.util.Comparator.comparing(Member::displayName))
        .toList();
  }

  Optional<Member> find(Long userId) {
    return userId == null ? Optional.empty() : Optional.ofNullable(byId.get(userId));
  }

  /** The owner's name; "Unassigned" or "Former member" when there is none to show. */
  String name(Long userId) {
    if (userId == null) {
      return "Unassigned";
    }
    return find(userId).map(Member::displayName).orElse("Former member");
  }
}
