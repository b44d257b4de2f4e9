package dev.mnemos.poem;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.mnemos.poem.action.Permutation;
import dev.mnemos.poem.data.Dataset;
import dev.mnemos.poem.data.Example;
import dev.mnemos.embed.Encoder;
import dev.mnemos.embed.TestEncoders;
import dev.mnemos.poem.memory.EpisodicMemory;
import dev.mnemos.poem.pool.ExamplePool;
import dev.mnemos.poem.sim.SampleData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class PoemTest {

    final Dataset data = SampleData.reviews();
    final Encoder encoder = TestEncoders.miniLm();
    final EpisodicMemory memory = EpisodicMemory.builder().dimension(384).build();
    final Poem poem = Poem.builder().pool(ExamplePool.of(data.train(), encoder)).encoder(encoder)
            .estimator(memory).task(SampleData.reviewsTask()).m(4).build();

    @Test
    void withAnEmptyMemoryTheDefaultOrderIsUsed() {
        Selection s = poem.select("The waiter was rude to us all night.");
        assertFalse(s.learned());
        assertEquals(Selection.Basis.NO_SIMILAR_QUERY, s.basis());
        assertEquals(Permutation.identity(4), s.action());
        assertEquals(s.ranked().byRank(), s.ordered());
        assertTrue(s.ranked().byRank().get(0).input().toLowerCase().contains("rude"), s.ranked().byRank().get(0).input());
    }

    @Test
    void feedbackTeachesTheOrderForSimilarQueries() {
        Permutation learned = Permutation.of(2, 3, 4, 1);
        poem.feedback("The waiter was rude to us all night.", learned, 1.0);
        poem.feedback("The waiter was rude to us all night.", Permutation.identity(4), 0.0);
        Selection s = poem.select("Our server was rude and ignored us.");
        assertTrue(s.learned());
        assertEquals(learned, s.action());
        Example last = s.ordered().get(3);
        assertEquals(s.ranked().byRank().get(0), last, "rank 1 goes last");
    }

    @Test
    void withEveryRewardTheSameTheDefaultOrderIsUsedAndNothingIsCalledLearned() {
        poem.feedback("The waiter was rude to us all night.", Permutation.of(2, 3, 4, 1), 1.0);
        poem.feedback("The battery died in an hour.", Permutation.of(4, 3, 2, 1), 1.0);
        Selection same = poem.select("Our server was rude and ignored us.");
        assertFalse(same.learned());
        assertEquals(Selection.Basis.REWARDS_ALL_EQUAL, same.basis());
        assertEquals(Permutation.identity(4), same.action());

        poem.feedback("The waiter was rude to us all night.", Permutation.identity(4), 0.0); // now one order earned more
        Selection learned = poem.select("Our server was rude and ignored us.");
        assertEquals(Selection.Basis.LEARNED, learned.basis());
        assertEquals(Permutation.of(2, 3, 4, 1), learned.action());
    }

    @Test
    void anEvictedRewardNoLongerCountsAsADifference() {
        EpisodicMemory small = EpisodicMemory.builder().dimension(384).capacity(2).build();
        Poem p = Poem.builder().pool(poem.pool()).encoder(encoder).estimator(small).task(SampleData.reviewsTask()).m(4).build();
        p.feedback("The waiter was rude to us all night.", Permutation.identity(4), 0.0);
        p.feedback("The waiter was rude to us all night.", Permutation.of(2, 3, 4, 1), 1.0);
        assertTrue(small.rewardsDiffer());
        p.feedback("The battery died in an hour.", Permutation.of(4, 3, 2, 1), 1.0); // evicts the only 0
        assertFalse(small.rewardsDiffer());
        assertEquals(Selection.Basis.REWARDS_ALL_EQUAL, p.select("Our server was rude and ignored us.").basis());
        p.feedback("The battery died in an hour.", Permutation.of(4, 3, 2, 1), 2.0); // a raised reward is counted as it is now
        assertTrue(small.rewardsDiffer());
    }

    @Test
    void messagesPutTheChosenExamplesAsTurnsBeforeTheQuery() {
        Selection s = poem.select("The battery died in an hour.");
        poem.feedback(s, 1.0);
        List<ChatMessage> messages = poem.messages("The battery died in an hour.");
        assertEquals(1 + 4 * 2 + 1, messages.size());
        assertEquals(UserMessage.from("Review: The battery died in an hour."), messages.get(messages.size() - 1));
        assertEquals(AiMessage.from(s.ordered().get(0).output()), messages.get(2));
        assertTrue(poem.render("The battery died in an hour.").endsWith("Review: The battery died in an hour.\nSentiment:"));
        assertEquals(Optional.of(1.0), memory.reward(s.state(), s.action()));
    }
}
