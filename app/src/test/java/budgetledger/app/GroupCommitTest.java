package budgetledger.app;

import budgetledger.audit.GroupCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * GroupCommit on a real database: each append is a row of its own id in a table with a unique key, so that an append
 * of an id already there fails as a command's append of a sequence already taken does.
 */
class GroupCommitTest {

    private final TestDatabase database = TestDatabase.create();
    private JdbcTemplate jdbc;
    private DataSourceTransactionManager transactions;
    private ExecutorService threads;
    /** The groups the write was given, in the order it was given them. */
    private final List<List<Integer>> written = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url, database.user, "");
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
        jdbc.execute("create table appended (id int primary key)");
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    private void insert(List<Integer> ids) {
        written.add(List.copyOf(ids));
        ids.forEach(id -> jdbc.update("insert into appended (id) values (?)", id));
    }

    /** Inserts each group's ids; the group of id 1 says it has entered, then waits for the release before commit. */
    private java.util.function.Consumer<List<Integer>> holdingTheFirst(CountDownLatch entered, CountDownLatch release) {
        return ids -> {
            insert(ids);
            if (ids.contains(1)) {
                entered.countDown();
                waitFor(release);
            }
        };
    }

    private Set<Integer> rows() {
        return new HashSet<>(jdbc.queryForList("select id from appended", Integer.class));
    }

    @Test
    void appends_queued_while_a_group_is_written_commit_together_in_the_next() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer> group = new GroupCommit<>(transactions, holdingTheFirst(entered, release), 1, 64);
        Future<?> first = threads.submit(() -> group.commit(1));
        waitFor(entered);
        List<Future<?>> queued = new ArrayList<>();
        for (int id = 2; id <= 6; id++) {
            int append = id;
            queued.add(threads.submit(() -> group.commit(append)));
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> group.queued() == 5);
        // The first group has not committed: nothing is visible yet, and no one was answered.
        assertThat(rows()).isEmpty();
        assertThat(first.isDone()).isFalse();
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Future<?> f : queued) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertThat(rows()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        // The five were submitted from five threads, so they may queue in any order: the second group is all of them.
        assertThat(written).hasSize(2);
        assertThat(written.get(0)).containsExactly(1);
        assertThat(written.get(1)).containsExactlyInAnyOrder(2, 3, 4, 5, 6);
        assertThat(group.groups()).isEqualTo(2);
        assertThat(group.appends()).isEqualTo(6);
    }

    @Test
    void a_group_with_a_failing_append_is_written_again_one_by_one_and_only_that_append_fails() throws Exception {
        jdbc.update("insert into appended (id) values (3)");
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<Integer> group = new GroupCommit<>(transactions, holdingTheFirst(entered, release), 1, 64);
        Future<?> first = threads.submit(() -> group.commit(1));
        waitFor(entered);
        Map<Integer, Future<?>> queued = new java.util.LinkedHashMap<>();
        for (int id = 2; id <= 4; id++) {
            int append = id;
            queued.put(id, threads.submit(() -> group.commit(append)));
            int expected = id - 1;
            await().atMost(10, TimeUnit.SECONDS).until(() -> group.queued() == expected); // queued in this order
        }
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        queued.get(2).get(10, TimeUnit.SECONDS);
        queued.get(4).get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> queued.get(3).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DuplicateKeyException.class);
        assertThat(rows()).containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(jdbc.queryForObject("select count(*) from appended where id = 3", Integer.class)).isEqualTo(1);
        // The group of three was rolled back whole, then each written alone.
        assertThat(written).containsExactly(List.of(1), List.of(2, 3, 4), List.of(2), List.of(3), List.of(4));
    }

    @Test
    void every_append_gets_its_own_outcome_whatever_the_groups_it_falls_into() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            jdbc.execute("truncate appended");
            written.clear();
            Random random = new Random(seed);
            int leaders = 1 + random.nextInt(3);
            int maxGroup = 1 + random.nextInt(8);
            // Ids from a small range: many appends collide with one written before them, by another thread or itself.
            int appends = 300;
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < appends; i++) {
                ids.add(random.nextInt(200));
            }
            AtomicInteger next = new AtomicInteger();
            Map<Integer, AtomicInteger> succeeded = new ConcurrentHashMap<>();
            AtomicInteger failed = new AtomicInteger();
            GroupCommit<Integer> group = new GroupCommit<>(transactions, this::insert, leaders, maxGroup);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                workers.add(threads.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < appends; ) {
                        int id = ids.get(i);
                        try {
                            group.commit(id);
                            succeeded.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                        } catch (DuplicateKeyException e) {
                            failed.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
            // Exactly one append of each id succeeded, every other failed, and what succeeded is what is stored.
            Set<Integer> distinct = new HashSet<>(ids);
            assertThat(succeeded.keySet()).as("seed %d", seed).isEqualTo(distinct);
            assertThat(succeeded.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            assertThat(failed.get()).as("seed %d", seed).isEqualTo(appends - distinct.size());
            assertThat(rows()).isEqualTo(distinct);
            assertThat(group.appends()).isEqualTo(appends);
            assertThat(written).allSatisfy(g -> assertThat(g.size()).isBetween(1, maxGroup));
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released in time");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
