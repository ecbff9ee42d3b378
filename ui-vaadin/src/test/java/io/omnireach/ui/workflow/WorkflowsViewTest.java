package io.omnireach.ui.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.server.VaadinSession;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantStatus;
import io.omnireach.user.Role;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The workflows list over the in-memory store, with a signed-in session but no browser. */
class WorkflowsViewTest {

  static final Tenant ACME =
      new Tenant(
          1,
          "acme",
          "Acme",
          null,
          TenantStatus.ACTIVE,
          new Tenant.Branding(null, null),
          Instant.EPOCH);

  final InMemoryWorkflowBackend backend = new InMemoryWorkflowBackend();

  @BeforeEach
  void signIn() {
    VaadinSession session =
        new VaadinSession(null) {
          @Override
          public boolean hasLock() {
            return true;
          }
        };
    VaadinSession.setCurrent(session);
    session.setAttribute(
        AuthenticatedUser.class,
        new AuthenticatedUser(
            5, "sales@acme.demo", "Sam", ACME, java.util.Set.of(Role.SALES), null));
    UI.setCurrent(new UI());
  }

  @AfterEach
  void signOut() {
    UI.setCurrent(null);
    VaadinSession.setCurrent(null);
  }

  static Stream<Component> all(Component c) {
    return Stream.concat(Stream.of(c), c.getChildren().flatMap(WorkflowsViewTest::all));
  }

  @Test
  void an_empty_workspace_is_invited_to_draw_its_first_sequence() {
    WorkflowsView view = new WorkflowsView(instance(backend));
    assertThat(all(view).filter(c -> c.getId().orElse("").equals("workflow-new-empty"))).hasSize(1);
    assertThat(view.getElement().getTextRecursively()).contains("Draw your first sequence");
  }

  @Test
  void workflows_are_listed_with_their_status() {
    long draft = backend.create(ACME.ref(), WorkflowGraphJson.blank("Nurture").toJson(), "x").id();
    long live = backend.create(ACME.ref(), WorkflowGraphJson.blank("Cold").toJson(), "x").id();
    backend.publish(ACME.ref(), live, "x");
    WorkflowsView view = new WorkflowsView(instance(backend));
    @SuppressWarnings("unchecked")
    Grid<WorkflowBackend.Summary> grid =
        (Grid<WorkflowBackend.Summary>)
            all(view).filter(c -> c instanceof Grid).findFirst().orElseThrow();
    List<WorkflowBackend.Summary> rows = grid.getGenericDataView().getItems().toList();
    assertThat(rows).extracting(WorkflowsView::statusText).containsExactly("Draft", "Published v1");
    assertThat(rows.get(0).id()).isEqualTo(draft);
    backend.saveDraft(ACME.ref(), live, WorkflowGraphJson.blank("Cold v2").toJson(), "x");
    assertThat(WorkflowsView.statusText(backend.list(ACME.ref()).get(1)))
        .isEqualTo("v1 · unpublished changes");
  }

  @Test
  void without_a_workflow_store_the_view_says_so() {
    WorkflowsView view = new WorkflowsView(instance(null));
    assertThat(view.getElement().getTextRecursively()).contains("Workflows are not available");
  }

  /** A CDI Instance holding one bean, or none. */
  static <T> Instance<T> instance(T bean) {
    return new Instance<>() {
      @Override
      public T get() {
        return bean;
      }

      @Override
      public boolean isUnsatisfied() {
        return bean == null;
      }

      @Override
      public boolean isAmbiguous() {
        return false;
      }

      @Override
      public boolean isResolvable() {
        return bean != null;
      }

      @Override
      public Iterator<T> iterator() {
        return bean == null ? List.<T>of().iterator() : List.of(bean).iterator();
      }

      @Override
      public Instance<T> select(Annotation... qualifiers) {
        return this;
      }

      @Override
      public <U extends T> Instance<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
      }

      @Override
      public <U extends T> Instance<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void destroy(T instance) {}

      @Override
      public Handle<T> getHandle() {
        throw new UnsupportedOperationException();
      }

      @Override
      public Iterable<? extends Handle<T>> handles() {
        throw new UnsupportedOperationException();
      }
    };
  }
}
