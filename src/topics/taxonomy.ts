/**
 * The 20-topic taxonomy. Names and scopes are product content: they are shown
 * to readers on the preference page and in digests.
 */
export interface Topic {
  slug: TopicSlug;
  name: string;
  scope: string;
}

export const TOPIC_SLUGS = [
  "llm",
  "reasoning",
  "agents",
  "code",
  "multimodal",
  "vision",
  "image-generation",
  "video",
  "3d",
  "audio",
  "robotics",
  "rl",
  "alignment",
  "efficiency",
  "training",
  "retrieval",
  "data",
  "science",
  "medicine",
  "nlp",
] as const;

export type TopicSlug = (typeof TOPIC_SLUGS)[number];

export const TAXONOMY: readonly Topic[] = Object.freeze([
  {
    slug: "llm",
    name: "Language models",
    scope:
      "pretraining, scaling laws, LM architectures (transformers, state-space, MoE as a model design), instruction tuning, in-context learning, long context, tokenization, LLM behaviour and analysis",
  },
  {
    slug: "reasoning",
    name: "Reasoning & math",
    scope:
      "chain-of-thought, math and logic problem solving, test-time compute, RL or search for reasoning, theorem proving",
  },
  {
    slug: "agents",
    name: "Agents & tool use",
    scope: "LLM agents, planning, tool calling, web/GUI/OS agents, multi-agent systems, memory for agents",
  },
  {
    slug: "code",
    name: "Code & software",
    scope:
      "code generation, program synthesis, code LLMs, software engineering with AI, repair, compilers with ML",
  },
  {
    slug: "multimodal",
    name: "Vision-language & multimodal",
    scope:
      "VLMs, MLLMs, image-text and video-text models, visual question answering, captioning, any-to-any models, multimodal embeddings",
  },
  {
    slug: "vision",
    name: "Computer vision",
    scope:
      "recognition, detection, segmentation, tracking, visual representation learning, self-supervised vision, place recognition, OCR, document understanding",
  },
  {
    slug: "image-generation",
    name: "Image generation & editing",
    scope:
      "diffusion models for images, text-to-image, image editing, GANs, tokenizers for generation, personalization, super-resolution",
  },
  {
    slug: "video",
    name: "Video",
    scope: "video generation, video understanding, video editing, talking heads, video-language",
  },
  {
    slug: "3d",
    name: "3D & graphics",
    scope:
      "3D reconstruction, NeRF, Gaussian splatting, 3D generation, avatars, pose, depth, scene understanding in 3D, graphics",
  },
  {
    slug: "audio",
    name: "Audio, speech & music",
    scope: "ASR, TTS, speech LLMs, audio generation, music, sound, audio-visual",
  },
  {
    slug: "robotics",
    name: "Robotics & embodied AI",
    scope:
      "robot learning, manipulation, locomotion, vision-language-action models, driving, embodied agents, simulation for robots",
  },
  {
    slug: "rl",
    name: "Reinforcement learning",
    scope:
      "RL algorithms, offline RL, reward modelling, RLHF/RLVR methods, policy optimisation, bandits, games",
  },
  {
    slug: "alignment",
    name: "Safety, alignment & trust",
    scope:
      "alignment, jailbreaks, red-teaming, hallucination, bias and fairness, privacy, watermarking, interpretability, unlearning",
  },
  {
    slug: "efficiency",
    name: "Efficient inference & compression",
    scope:
      "quantization, pruning, distillation, sparsity, KV-cache, speculative decoding, efficient attention, on-device models, serving",
  },
  {
    slug: "training",
    name: "Training methods & systems",
    scope:
      "optimizers, distributed/parallel training, memory-efficient training, parameter-efficient fine-tuning (LoRA), MoE training, hardware and systems for ML, data loading, continual learning",
  },
  {
    slug: "retrieval",
    name: "Retrieval, RAG & embeddings",
    scope:
      "search, dense/sparse retrieval, RAG, text embeddings, rerankers, recommender systems, knowledge graphs for retrieval",
  },
  {
    slug: "data",
    name: "Datasets, benchmarks & evaluation",
    scope:
      "new datasets, data curation and synthetic data pipelines, benchmarks, evaluation methodology, leaderboards",
  },
  {
    slug: "science",
    name: "AI for science",
    scope:
      "biology, proteins, chemistry, materials, physics, astronomy, climate, weather, mathematics discovery",
  },
  {
    slug: "medicine",
    name: "Medicine & health",
    scope:
      "medical imaging, clinical NLP, EHR, EEG/ECG, healthcare LLMs, drug discovery in a clinical setting",
  },
  {
    slug: "nlp",
    name: "Language tasks & multilinguality",
    scope:
      "translation, summarization, information extraction, classic NLP tasks, multilingual and low-resource languages, dialogue",
  },
] satisfies Topic[]);

const BY_SLUG = new Map<string, Topic>(TAXONOMY.map((t) => [t.slug, t]));

export function isTopicSlug(value: string): value is TopicSlug {
  return BY_SLUG.has(value);
}

export function topicBySlug(slug: string): Topic | undefined {
  return BY_SLUG.get(slug);
}

/** Popular topics, pre-checked on the subscribe form. */
export const DEFAULT_TOPICS: readonly TopicSlug[] = ["llm", "reasoning", "agents"];
