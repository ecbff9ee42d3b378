package io.omnireach.ui.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The {@link NodeFormProvider}s {@link ServiceLoader} finds, by node type, read once through this
 * module's class loader and the thread's context class loader (see core's {@code NodeTypes}).
 */
final class NodeForms {

  private NodeForms() {}

  private static final class Holder {
    static final Map<String, NodeFormProvider> FORMS = load();
  }

  private static Map<String, NodeFormProvider> load() {
    Map<String, NodeFormProvider> forms = new LinkedHashMap<>();
    List<ClassLoader> loaders = new ArrayList<>();
    loaders.add(NodeFormProvider.class.getClassLoader());
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null && context != loaders.get(0)) {
      loaders.add(context);
    }
    for (ClassLoader loader : loaders) {
      for (NodeFormProvider p : ServiceLoader.load(NodeFormProvider.class, loader)) {
        forms.putIfAbsent(p.type(), p);
      }
    }
    return java.util.Collections.unmodifiableMap(forms);
  }

  static Optional<NodeFormProvider> of(String type) {
    return Optional.ofNullable(type == null ? null : Holder.FORMS.get(type));
  }
}
