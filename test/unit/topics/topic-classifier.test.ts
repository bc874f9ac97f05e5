import { describe, expect, it } from "vitest";
import { TOPIC_SLUGS, type TopicSlug } from "../../../src/topics/taxonomy.js";
import { TopicClassifier } from "../../../src/topics/topic-classifier.js";

const classifier = new TopicClassifier();

/** One clear paper per topic, written for these tests: the first assigned topic must be `primary`. */
const CLEAR_CASES: { primary: TopicSlug; title: string; abstract: string }[] = [
  {
    primary: "llm",
    title: "Scaling Laws for Byte-Level Language Models",
    abstract:
      "We pretrain a family of decoder-only language models from 100M to 7B parameters directly on bytes, without a tokenizer, and fit scaling laws relating loss to model size and training tokens. Byte-level models match BPE models in perplexity at equal compute and extrapolate better to long context windows.",
  },
  {
    primary: "reasoning",
    title: "Step-Level Verifiers for Mathematical Reasoning",
    abstract:
      "Chain-of-thought solutions to math word problems often contain a single wrong step. We train a process reward model that scores every step and use it for best-of-N selection at test time, improving accuracy on GSM8K and MATH500 as test-time compute grows.",
  },
  {
    primary: "agents",
    title: "WebPilot: An LLM Agent for Long-Horizon Web Navigation",
    abstract:
      "We present an autonomous web agent that plans, calls tools and browses real websites to complete multi-step tasks. A planner decomposes the instruction, an executor issues browser actions from screenshots, and a memory module stores past trajectories. WebPilot improves task success on WebArena by 12 points.",
  },
  {
    primary: "code",
    title: "Repository-Level Program Repair with Execution Feedback",
    abstract:
      "Fixing bugs in real software requires reading many files. We train a code LLM to localize faults in a repository, propose patches and run the unit tests, refining the patch from the execution feedback. Our 7B model resolves 31% of SWE-bench Verified issues.",
  },
  {
    primary: "multimodal",
    title: "Grounded Visual Question Answering with a Small Vision-Language Model",
    abstract:
      "We build a 2B vision-language model by connecting a SigLIP vision encoder to a small LLM through a projector, and train it with visual instruction tuning on image-text pairs. It answers questions about charts and photos and grounds its answers with bounding boxes, rivaling larger MLLMs on VQA benchmarks.",
  },
  {
    primary: "vision",
    title: "Open-Vocabulary Instance Segmentation with Mask Transformers",
    abstract:
      "We propose a mask transformer for instance segmentation and object detection that recognizes categories unseen during training. Trained on COCO and evaluated on LVIS and ADE20K, it improves mask AP on rare classes by 4 points over prior detectors.",
  },
  {
    primary: "image-generation",
    title: "Training-Free Subject-Driven Image Editing with Diffusion Models",
    abstract:
      "We edit images according to text prompts while preserving a reference subject, without fine-tuning the text-to-image diffusion model. Attention features from the reference are injected during denoising. Our method outperforms DreamBooth-style personalization in identity preservation and prompt adherence.",
  },
  {
    primary: "video",
    title: "Long Video Generation with Temporally Consistent Diffusion",
    abstract:
      "Text-to-video models produce short clips that drift over time. We generate minute-long videos by conditioning each segment on compressed memory of earlier frames, improving temporal consistency and motion quality over open-source video generators in human studies.",
  },
  {
    primary: "3d",
    title: "Feed-Forward Gaussian Splatting from Unposed Images",
    abstract:
      "We reconstruct 3D scenes from a handful of unposed photos in a single forward pass. The network predicts 3D Gaussians and camera poses jointly, enabling real-time novel view synthesis and depth estimation, and outperforms NeRF-based methods on standard benchmarks.",
  },
  {
    primary: "audio",
    title: "Zero-Shot Voice Cloning with a Streaming Speech Codec Language Model",
    abstract:
      "We present a text-to-speech system that clones an unseen speaker's voice from three seconds of audio. A neural audio codec turns speech into discrete tokens and a language model generates them in streaming mode, achieving low word error rate and high speaker similarity.",
  },
  {
    primary: "robotics",
    title: "Scaling Imitation Learning for Bimanual Robot Manipulation",
    abstract:
      "We collect 50,000 teleoperated demonstrations on two robot arms and train a diffusion policy for dexterous manipulation. The policy folds cloth and packs boxes on a real robot, and transfers from simulation with little fine-tuning.",
  },
  {
    primary: "rl",
    title: "Conservative Value Estimation for Offline Reinforcement Learning",
    abstract:
      "Offline RL learns a policy from a fixed dataset, where value functions overestimate out-of-distribution actions. We penalize Q-values of unseen actions with an uncertainty bonus and obtain state-of-the-art returns on D4RL locomotion and Atari tasks.",
  },
  {
    primary: "alignment",
    title: "Automated Red Teaming Finds Jailbreaks in Safety-Aligned Chat Models",
    abstract:
      "We train an attacker model to produce adversarial prompts that make safety-aligned LLMs produce harmful content. The jailbreaks transfer across models, and adversarial training on them reduces attack success while keeping refusal rates on benign requests low.",
  },
  {
    primary: "efficiency",
    title: "2-Bit Weight Quantization for Fast LLM Inference on Edge Devices",
    abstract:
      "We quantize the weights of large language models to 2 bits with a learned codebook and a small calibration set. Combined with KV cache compression, inference runs 3x faster with 4x lower memory on mobile devices, with under 1 point of accuracy loss.",
  },
  {
    primary: "training",
    title: "An Optimizer with Low Memory for Distributed Pretraining",
    abstract:
      "Adam keeps two states per parameter, limiting the batch size on GPU clusters. We propose an optimizer that factorizes the second moment and overlaps communication with computation in data parallel and pipeline parallel training, reaching the same loss with 40% less memory and higher MFU.",
  },
  {
    primary: "retrieval",
    title: "Late-Interaction Rerankers for Retrieval-Augmented Generation",
    abstract:
      "Retrieval quality bounds RAG. We distill a cross-encoder reranker into a late-interaction retriever over passage embeddings, improving recall on BEIR and MS MARCO and answer accuracy of the downstream generator.",
  },
  {
    primary: "data",
    title: "A Benchmark for Evaluating Long-Form Factual Answers",
    abstract:
      "We introduce a new benchmark of 3,000 human-annotated questions whose answers require multiple facts, with an evaluation protocol that checks each claim against sources. We evaluate 20 models and release the dataset and leaderboard.",
  },
  {
    primary: "science",
    title: "Protein Language Models Predict Enzyme Function from Sequence",
    abstract:
      "We fine-tune a protein language model on 2 million enzymes to predict their catalytic function from the amino acid sequence, and use it to design new enzymes that were validated in the lab.",
  },
  {
    primary: "medicine",
    title: "A Foundation Model for Chest X-Ray Report Generation",
    abstract:
      "We train a model on 500,000 chest X-rays and radiology reports from hospitals to generate draft reports for radiologists. In a reader study with clinicians, 80% of the drafts needed no clinically significant edits.",
  },
  {
    primary: "nlp",
    title: "Machine Translation for Low-Resource African Languages",
    abstract:
      "We collect parallel data for 16 African languages and train multilingual translation models, improving BLEU and COMET over NLLB on most language pairs, and study cross-lingual transfer between related languages.",
  },
];

describe("TopicClassifier", () => {
  it.each(CLEAR_CASES)("puts a clear $primary paper first", ({ primary, title, abstract }) => {
    expect(classifier.classify({ title, abstract }).assigned[0]).toBe(primary);
  });

  it("returns all 20 topics once, best first, with scores in [0, 1]", () => {
    const result = classifier.classify(CLEAR_CASES[0]!);
    expect(result.scores.map((s) => s.slug).sort()).toEqual([...TOPIC_SLUGS].sort());
    for (const { score } of result.scores) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    const values = result.scores.map((s) => s.score);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(result.assigned[0]).toBe(result.scores[0]!.slug);
  });

  it("assigns one to three distinct topics, following the score order", () => {
    for (const paper of CLEAR_CASES) {
      const { scores, assigned } = classifier.classify(paper);
      expect(assigned.length).toBeGreaterThanOrEqual(1);
      expect(assigned.length).toBeLessThanOrEqual(3);
      expect(new Set(assigned).size).toBe(assigned.length);
      expect(assigned).toEqual(scores.slice(0, assigned.length).map((s) => s.slug));
    }
  });

  it("gives a multi-topic paper several topics", () => {
    const { assigned } = classifier.classify({
      title: "Reinforcement Learning Improves Mathematical Reasoning in Vision-Language Models",
      abstract:
        "We train a vision-language model with GRPO and verifiable rewards on geometry and chart math problems. Reinforcement learning elicits long chain-of-thought reasoning over images and improves MathVista accuracy by 8 points over supervised fine-tuning.",
    });
    expect(assigned).toEqual(expect.arrayContaining(["multimodal", "reasoning", "rl"]));
  });

  it("is deterministic", () => {
    const paper = CLEAR_CASES[4]!;
    expect(new TopicClassifier().classify(paper)).toEqual(classifier.classify(paper));
  });

  it("handles an empty abstract from the title alone", () => {
    expect(
      classifier.classify({ title: "Jailbreaking Large Language Models", abstract: "" }).assigned[0],
    ).toBe("alignment");
  });

  it("breaks ties in taxonomy order when there is no evidence at all", () => {
    const { scores, assigned } = classifier.classify({ title: "", abstract: "" });
    expect(scores.map((s) => s.slug)).toEqual([...TOPIC_SLUGS]);
    expect(scores.every((s) => s.score === 0)).toBe(true);
    expect(assigned).toEqual(["llm"]);
  });

  it("reads through LaTeX, URLs and odd characters", () => {
    const { assigned } = classifier.classify({
      title: "\\textbf{Na\u00efve} Qu\u00e4ntization of $\\mathcal{W}$eights: 4-bit LLMs in \\emph{Practice}",
      abstract:
        "We study post-training quantization of LLMs at 4 bits ($W4A16$), with \\textit{per-channel} scales. Code: https://github.com/example/quant \u2014 models at https://huggingface.co/example.",
    });
    expect(assigned[0]).toBe("efficiency");
    expect(assigned).not.toContain("code");
  });

  it("does not count release boilerplate about code as the code topic", () => {
    const { scores } = classifier.classify({
      title: "Segmenting Cells in Microscopy Images",
      abstract:
        "We segment cells in fluorescence microscopy images with a U-Net. Our code is available at https://github.com/example/cells and the code will be released.",
    });
    expect(scores.find((s) => s.slug === "code")!.score).toBe(0);
  });

  it("classifies a very long text sensibly (repeats count sublinearly)", () => {
    const sentence = "We train a text-to-speech model that synthesizes natural speech for many speakers. ";
    const long = classifier.classify({ title: "Speech Synthesis", abstract: sentence.repeat(5000) });
    const short = classifier.classify({ title: "Speech Synthesis", abstract: sentence });
    expect(long.assigned[0]).toBe("audio");
    expect(long.scores[0]!.score).toBeLessThanOrEqual(1);
    expect(long.scores[0]!.score).toBeGreaterThan(short.scores[0]!.score);
  });

  it("uses arXiv categories as priors and ignores unknown ones", () => {
    const vague = {
      title: "Learning Policies from Demonstrations",
      abstract: "We learn a policy from a few demonstrations.",
    };
    expect(classifier.classify({ ...vague, categories: ["cs.RO"] }).assigned[0]).toBe("robotics");
    expect(classifier.classify({ ...vague, categories: ["cs.XX", "not-a-category"] })).toEqual(
      classifier.classify(vague),
    );
    expect(
      classifier.classify({ title: "On Galaxy Clusters", abstract: "", categories: ["astro-ph.CO"] })
        .assigned,
    ).toEqual(["science"]);
  });

  it("uses Hugging Face keywords as evidence", () => {
    const vague = {
      title: "A Unified Framework",
      abstract: "We propose a unified framework and show gains.",
    };
    const { assigned } = classifier.classify({
      ...vague,
      keywords: ["text-to-video", "video diffusion model"],
    });
    expect(assigned[0]).toBe("video");
  });

  it("respects maxTopics", () => {
    const single = new TopicClassifier({ maxTopics: 1 });
    for (const paper of CLEAR_CASES) expect(single.classify(paper).assigned).toHaveLength(1);
  });

  it("explains a score with the terms behind it", () => {
    const lines = classifier.explain(CLEAR_CASES[9]!, "audio");
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((line) => line.includes("speech"))).toBe(true);
  });
});
