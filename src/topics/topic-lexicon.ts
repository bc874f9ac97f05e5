import type { TopicSlug } from "./taxonomy.js";

/**
 * Hand-built lexicon of the 20 topics: weighted words and phrases a paper on the topic uses,
 * written from domain knowledge of each scope (taxonomy.ts), well beyond the scope text.
 *
 * Each tier is [weight, terms]; terms are comma-separated and go through the same tokenizer as
 * paper text (lowercased, split on punctuation, Porter-stemmed, "pre-"/"multi-" glued), so
 * "text-to-image", "text to images" and "Text-to-Image" are one term. Term syntax
 * (topic-matcher.ts): "=word" exact unstemmed word, "*bench"/"qwen*" a word ending/starting so, "cue ~ target"
 * target within 8 words after cue, "^term" counted in titles and keywords only.
 * Every term found counts, sub-phrases included ("reinforcement learning from human feedback"
 * also fires "reinforcement learning"); negative weights correct such overlaps
 * ("vision-language-action" is robotics, not a vision-language model).
 *
 * Weights: 5 defines the topic, 3-4 strong, 2 moderate, 1 a hint. Words most ML papers use
 * ("benchmark", "efficient", "LLM", "training") stay low; phrases carry the signal; a title
 * match counts 3x (topic-classifier.ts).
 */
export type LexiconTier = readonly [weight: number, terms: string];

export const TOPIC_LEXICON: Readonly<Record<TopicSlug, readonly LexiconTier[]>> = {
  llm: [
    [
      5,
      `scaling law, scaling laws, language modeling, language modelling, next-token prediction, =tokenization,
       tokenizer-free, byte-level, in-context learning, instruction tuning, instruction-tuned, long-context,
       context window, context length, context extension, length extrapolation, rotary position, RoPE,
       Chinchilla, emergent abilities, language model pretraining, LLM pretraining,
       LLM pre-training, pretraining corpus, open language model, open LLM, open-source LLM, chat model,
       chat models, foundation language model, MoE language model, MoE LLM, MoE LLMs, MoE-LLMs,
       mixture-of-experts language models, generative pre-trained transformer, generative pretrained
       transformer`,
    ],
    [
      3,
      `compute-optimal, =tokenizer, =tokenizers, positional encoding, position embedding, RWKV, linear attention,
       linear RNN, linear RNNs, recurrent, decoder-only, base model, base models, model
       family, mixture of experts, mixture-of-experts, MoE, MoEs, expert specialization, routing, router,
       routers, experts, upcycling, perplexity, language modeling loss, transformer architecture, attention
       heads, feed-forward, FFN, FFNs, parametric knowledge, knowledge injection, knowledge editing,
       memorization, prompt engineering, prompting, prompt selection, autoregressive language, GPT-3, GPT-4,
       LLaMA, Llama-2, Llama 2, Llama-3, Llama 3, Mistral, Qwen, Qwen2, Qwen2.5, Gemma, DeepSeek, Phi-2,
       Phi-3, OLMo, Pythia, BERT, RoBERTa, T5, MMLU, C-Eval, CMMLU, instruction following,
       instruction-following, continual pre-training, continued pretraining, continual pretraining,
       over-training, overtraining, model growth, memory layer, memory layers, hierarchical sequence modeling,
       downstream performance, pretraining data, pre-training data, pretraining dataset, pretraining datasets,
       pre-trained language model, pretrained language model, pretrained language
       models, pre-trained language models, large-scale language model, generative language model`,
    ],
    [
      2,
      `language model, language models, large language model, large language models, LLM, LLMs, PLM, PLMs,
       state-space model, state space model, state space models, SSM, SSMs, Mamba, Mamba-2,
       small language model, small language models, SLM, SLMs, LM, LMs, foundation model, foundation models,
       GPT, ChatGPT, GPT-3.5, Claude, Gemini, transformer, transformers, pretraining, pre-training,
       pre-trained, pretrained, trillion tokens, billion parameters, 1B, 3B, 7B, 8B, 13B, 70B, Big-Bench,
       HellaSwag, post-training, supervised fine-tuning, SFT, generalist, open-source models, zero-shot,
       few-shot, tokens`,
    ],
    [
      2,
      `qwen*, llama*, gemma*, mistral*, mixtral*, deepseek*, internlm*, baichuan*, =glm, chatglm*, olmo*,
       mixture-of-expert, model family`,
    ],
    [
      1,
      `technical report, token, attention, decoder, encoder, autoregressive, knowledge, language, text generation, chat, chatbot,
       chatbots, chat assistant, chat assistants`,
    ],
    [
      3,
      `^LLM, ^LLMs, ^language model, ^language models, ^large language model, ^large language models,
       ^LM, ^LMs`,
    ],
    [
      0,
      `^multimodal large language model, ^multimodal large language models, ^multi-modal large language model,
       ^multi-modal large language models, ^multimodal LLM, ^multimodal LLMs, ^vision large language model,
       ^vision large language models, ^vision language model, ^vision language models, ^vision-language model,
       ^vision-language models, ^large vision-language model, ^large vision-language models, ^multimodal
       language model, ^multimodal language models, ^speech language model, ^speech language models, ^audio
       language model, ^audio language models, ^codec language model, ^codec language models, ^code language
       model, ^code language models, ^protein language model, ^protein language models, ^language model agent,
       ^language model agents, ^large language model agent, ^large language model agents, ^LLM agent, ^LLM
       agents`,
    ],
    [
      4,
      `diffusion language model, diffusion language models, masked diffusion language model, dLLM, dLLMs,
       subquadratic, sub-quadratic, attention sink, attention sinks, long-context modeling, long-context
       language modeling, needle-in-a-haystack, key-value retrieval, knowledge cutoff, world knowledge`,
    ],
  ],
  reasoning: [
    [
      5,
      `chain-of-thought, chain of thought, CoT, mathematical reasoning, math reasoning, theorem proving,
       automated theorem proving, formal proof, formal proofs, Lean 4, test-time compute, test-time scaling,
       inference-time scaling, inference-time compute, reasoning model, reasoning models, large reasoning
       model, large reasoning models, LRM, LRMs, long CoT, thinking model, thinking models, slow thinking,
       o1-like, DeepSeek-R1, R1-Zero, process reward model, process reward models, process supervision,
       PRM, step-by-step reasoning, reasoning trace, reasoning traces, reasoning chains, reasoning chain,
       reasoning path, reasoning paths, self-consistency, tree of thoughts, tree-of-thought, overthinking,
       math word problem, math word problems, math problems, mathematical problems, mathematical problem
       solving, GSM8K, MATH500, MATH-500, =aime, olympiad, IMO, competition math, logical reasoning, symbolic
       reasoning, multi-step reasoning, reasoning-intensive`,
    ],
    [
      3,
      `reasoning, reasoner, reasoners, math, mathematics, mathematical, arithmetic, theorem, theorems, proof,
       proofs, prover, logic, deductive, inductive reasoning, abductive, puzzle, puzzles, verifier, verifiers,
       self-verification, self-correction, self-refine, backtracking, Monte Carlo tree search, MCTS,
       best-of-N, majority voting, thinking, rationale, rationales, STaR, ARC-AGI, GPQA, HMMT, MathVista,
       geometry problem, scratchpad, complex reasoning, reasoning capabilities, reasoning ability, reasoning
       abilities, verification, reasoning tasks, reasoning benchmarks`,
    ],
    [
      1.5,
      `reason, think, commonsense reasoning, BBH, Big-Bench Hard, problem solving, solve, solving, steps`,
    ],
    [4, `^reasoning, ^reason, ^math, ^thinking, ^chain-of-thought, ^reasoners`],
    [
      4,
      `System-2, system 2 reasoning, =o1, =o3, o1-preview, o1-mini, thinking budget, thinking mode,
       reasoning length, AMC, OlympiadBench, Minerva, aha moment, pass@k, long chain-of-thought, efficient
       reasoning, reasoning efficiency, reasoning LLMs, reasoning LLM, tool-integrated reasoning, spatial
       reasoning, multimodal reasoning, visual reasoning, mathematical competition, proof assistant,
       miniF2F, Isabelle, autoformalization, formalization, counterfactual reasoning, causal reasoning`,
    ],
  ],
  agents: [
    [
      5,
      `LLM agent, LLM agents, LLM-based agent, LLM-based agents, language agent, language agents, AI agent,
       AI agents, autonomous agent, autonomous agents, agentic, tool use, tool-use, tool calling, tool-calling,
       function calling, tool learning, tool-augmented, tool invocation, web agent, web agents,
       GUI agent, GUI agents, computer use, computer-use, OS agent, mobile agent, phone agent, multi-agent
       system, multi-agent systems, multi-agent, multiagent, multi-LLM, agent framework, agent benchmark,
       agent workflow, agentic workflow, web navigation, web browsing, WebArena, Mind2Web, OSWorld,
       AndroidWorld, GAIA, tau-bench, Tau2-Bench, deep research, research agent, coding agent, software agent,
       SWE-agent, GUI grounding, screen understanding, agent memory, memory for agents, LLM-agent, LLM-powered,
       LLM-driven, large language model agent, large language model agents, language model agent, language
       model agents, external tools, use tools, to use tools, skill library, Minecraft, ALFWorld, WebShop,
       interactive decision making, interactive decision-making, action plans`,
    ],
    [
      3,
      `agent, agents, tool, tools, planner, task planning, action space, environment feedback, interactive
       environment, interactive environments, executable environment, execution environments, sandbox,
       orchestration, orchestrator, debate, role-playing, self-reflection, Reflexion, ReAct, long-term
       memory, episodic memory, GUI, browser, screenshots, multi-turn interaction, embodied agent, embodied
       agents, calculator, graphical user interface, graphical user interfaces`,
    ],
    [
      1.5,
      `planning, plan, plans, trajectories, collaboration, collaborative, workflow, workflows, web,
       autonomous, autonomously, memory management, execution, interact, interaction, interactions,
       decision making, decision-making, task completion, APIs, API`,
    ],
    [
      3,
      `^agent, ^agents, ^agentic, ^tool, ^tools, ^multi-agent, ^GUI, ^language model agent, ^language model
       agents, ^large language model agent, ^large language model agents, ^LLM agent, ^LLM agents`,
    ],
    [
      4,
      `browser use, browser agent, Model Context Protocol, MCP, agent-based, agentic RL, agentic
       reinforcement learning, search agent, search agents, BFCL, ToolBench, API-Bank, AgentBench, OpenHands,
       computer-use agent, mobile GUI, AppWorld, trajectory synthesis, long-horizon tasks, tool-integrated
       reasoning, web search agent, agentic search, agent systems, multi-agent collaboration, multi-agent
       debate, agent trajectories, tool calls, function calls`,
    ],
  ],
  code: [
    [
      5,
      `code generation, code LLM, code LLMs, code model, code models, code language model, program synthesis,
       software engineering, SWE-bench, HumanEval, MBPP, LiveCodeBench, code completion, code repair, program
       repair, automated program repair, bug fixing, bug detection, code review, unit test, unit tests, test
       generation, test case generation, code reasoning, code execution, code editing, programming language,
       programming languages, competitive programming, Codeforces, source code, repository-level, GitHub
       issues, code search, code translation, text-to-SQL, SQL, Verilog, compiler, compilers, decompilation,
       binary code, static analysis, vulnerability detection, smart contract, CodeGen, StarCoder, Code Llama,
       low-resource programming languages`,
    ],
    [
      3,
      `code, codes, coding, coder, programming, software, =developer, =developers, bug, bugs, debugging,
       Python, Java, C++, Rust, JavaScript, repository, repositories, codebase, codebases, commits, pull
       request, execution feedback, CTF, capture-the-flag, infilling, fill-in-the-middle, Racket, HTML/CSS,
       webpage generation, program, programs`,
    ],
    [1.5, `executable, vulnerabilities, vulnerability, HTML, CSS, functions, API`],
    [
      3,
      `^code, ^coding, ^program, ^programs, ^software, ^programming, ^code language model, ^code language models`,
    ],
    [
      0,
      `R language, visual code, linear programming, integer programming, dynamic programming, mixed integer
       programming, quadratic programming`,
    ],
    [
      4,
      `program of thought, code interpreter, Copilot, code snippets, LeetCode, APPS, CodeContests,
       software vulnerabilities, fuzzing, CUDA kernels, GPU kernels, kernel generation, RTL, HDL, formal
       verification of programs, code agents, code agent, code benchmark, code benchmarks, pass@1, issue
       resolution, repository-level code, software development, Kotlin, TypeScript`,
    ],
  ],
  multimodal: [
    [
      5,
      `vision-language model, vision-language models, vision language model, vision language models, VLM, VLMs,
       large vision-language model, large vision-language models, LVLM, LVLMs, multimodal large language model,
       multimodal large language models, multi-modal large language model, multi-modal large language models,
       MLLM, MLLMs, MM-LLM, MM-LLMs, large multimodal model, large multimodal models, large multi-modal model,
       large multi-modal models, LMM, LMMs, multimodal LLM, multimodal LLMs, multimodal model, multimodal
       models, multimodal foundation model, visual question answering, VQA, image captioning, visual
       instruction tuning, visual instruction, visual instructions, multimodal instruction, multimodal
       instructions, LLaVA, image-text, image-text pairs, text-image pairs, vision-language, vision and
       language, visual-language, V+L, VL tasks, CLIP, contrastive language-image, omni-modal, omnimodal,
       any-to-any, interleaved image-text, interleaved text-image, multimodal embedding, multimodal embeddings,
       multimodal representation, multimodal representations, multimodal retrieval, cross-modal retrieval,
       image-text retrieval, multimodal understanding, unified multimodal, multimodal benchmark, multimodal
       benchmarks, MMMU, MMBench, MME, visual grounding, referring expression, visual reasoning, video-LLM,
       video LLM, video-LLMs, video LLMs, audio-visual LLM, GPT-4V, GPT-4o, Qwen-VL, Qwen2-VL, Qwen2.5-VL,
       InternVL, BLIP, BLIP-2, Flamingo, MiniGPT-4, vision encoder, visual encoder, visual encoders, vision
       encoders, visual tokens, vision tokens, image tokens, vision-language pre-training, VLP, LLaVA-1.5,
       multimodal language model, multimodal language models, multi-modal language model, multi-modal
       language models, vision-language modeling, vision language modeling, multimodal language modeling,
       vision large language model, vision large language models, VLLM, VLLMs, vision-language tasks,
       audio-language model, audio-language models, large audio language model, vision understanding`,
    ],
    [
      3,
      `multimodal, multi-modal, cross-modal, cross-modality, modalities, modality, vision-centric, captions,
       caption, captioning, image understanding, visual understanding, image-text matching, VL, interleaved,
       chart, charts, diagram, infographic, text-rich, document images, visual hallucination, object
       hallucination, connector, projector, visual question, ImageBind, binding, visual inputs, visual
       information, visual content, multi-image`,
    ],
    [1, `vision, visual, image, images, perception`],
    [
      3,
      `^multimodal, ^multi-modal, ^vision-language, ^vision language, ^MLLM, ^MLLMs, ^VLM, ^VLMs, ^LMM, ^LMMs,
       ^LVLM, ^LVLMs, ^omni-modal, ^visual instruction, ^image-text, ^visual question answering, ^multimodal
       large language model, ^multimodal large language models, ^multi-modal large language model,
       ^multi-modal large language models, ^multimodal LLM, ^multimodal LLMs, ^vision large language model,
       ^vision large language models, ^vision language model, ^vision language models, ^vision-language
       model, ^vision-language models, ^large vision-language model, ^large vision-language models,
       ^multimodal language model, ^multimodal language models`,
    ],
    [
      4,
      `SigLIP, DocVQA, ChartQA, TextVQA, GQA, POPE, MM-Vet, SEED-Bench, MMStar, MathVista,
       visual chain-of-thought, multimodal reasoning, thinking with images, LLaVA-OneVision, multimodal
       chain-of-thought, image-text data, vision-language alignment, multimodal alignment, text-to-image
       retrieval, composed image retrieval, visual question, video question answering, multimodal
       large reasoning model, multimodal agents, vision-language pretraining`,
    ],
  ],
  vision: [
    [
      5,
      `object detection, object detector, semantic segmentation, instance segmentation, panoptic segmentation,
       image segmentation, image classification, image recognition, visual recognition, visual representation,
       visual representations, visual representation learning, self-supervised visual, vision transformer,
       vision transformers, ViT, ViTs, vision backbone, vision model, vision models, visual backbone, computer
       vision, masked image modeling, MIM, MAE, DINO, DINOv2, JEPA, I-JEPA, place recognition, VPR,
       geo-localization, OCR, optical character recognition, text recognition, scene text, document
       understanding, document parsing, layout analysis, object tracking, multi-object tracking, visual
       tracking, person re-identification, re-identification, ADE20K, Cityscapes, LVIS, Segment Anything,
       SAM, open-vocabulary detection, open-vocabulary segmentation, remote sensing, SAR, aerial imagery,
       satellite imagery, convolutional neural network, convolutional neural networks, ResNet, ResNet-50,
       Swin, Swin Transformer, ConvNet, ConvNets, dense prediction, dense visual, keypoint detection,
       action recognition, pose-based, skeleton-based, segmentation models, segmentation model`,
    ],
    [
      3,
      `segmentation, detection, detector, detectors, recognition, tracking, ImageNet, ImageNet-1K, COCO,
       convolution, convolutional, CNN, CNNs, masked image, pseudo-masks, linear probing, k-NN, CIFAR,
       CIFAR-10, CIFAR-100, MNIST, few-shot classification, zero-shot classification, feature pyramid,
       bounding box, bounding boxes, mIoU, top-1 accuracy, image retrieval, visual search, anomaly detection,
       fine-grained recognition, skeleton, joint-embedding, self-supervised learning, SSL`,
    ],
    [
      1.5,
      `visual, vision, image, images, pixel, pixels, pixel-level, patch, patches, mask, masks,
       self-supervised, classification, backbone, backbones, fine-grained, camera, photographs, objects`,
    ],
    [
      3,
      `^segmentation, ^object detection, ^detector, ^image recognition, ^visual recognition, ^tracking,
       ^visual representation, ^visual representations, ^OCR, ^vision transformer, ^vision backbone`,
    ],
    [
      4,
      `object counting, optical flow, image matching, feature matching, keypoints, edge detection,
       salient object detection, camouflaged object detection, low-light enhancement, image quality
       assessment, IQA, face recognition, crowd counting, semantic correspondence, vision foundation model,
       vision foundation models, visual foundation model, referring segmentation, referring image
       segmentation, open-vocabulary, zero-shot segmentation, video object segmentation, 3D object
       detection, lane detection, image captioning models, visual perception, scene parsing`,
    ],
  ],
  "image-generation": [
    [
      5,
      `text-to-image, text to image, T2I, image generation, image synthesis, image editing, image editor,
       generated images, latent diffusion, stable diffusion, SDXL, SD3, SD3.5, FLUX, Flux-Kontext,
       generative adversarial network, generative adversarial networks, GAN, GANs, StyleGAN, =personalization,
       personalized generation, subject-driven, DreamBooth, ControlNet, controllable generation, inpainting,
       outpainting, super-resolution, image restoration, deblurring, score-based, classifier-free guidance,
       visual tokenizer, image tokenizer, VQ-VAE, VQGAN, autoregressive image generation, visual generation,
       image generator, image generators, unified image generation, instruction-based editing, drag-based
       editing, GenEval, FID, style transfer, consistency model, consistency models, consistency distillation,
       rectified flow, text-guided, image-to-image, visual autoregressive, image generation and editing,
       unified understanding and generation, understanding and generation, multimodal generation, text-image
       interleaved generation, interleaved generation, diffusion distillation, diffusion sampling`,
    ],
    [
      3,
      `diffusion model, diffusion models, diffusion, denoising, DiT, diffusion transformer, diffusion
       transformers, flow matching, editing, photorealistic, aesthetic, aesthetics, artistic,
       artwork, sketch, layout-to-image, VAE, text rendering, image quality, generation quality`,
    ],
    [1, `=generative, synthesize, synthesis, edit, edits, art, guidance, latent`],
    [3, `^image generation, ^text-to-image, ^image editing, ^image synthesis, ^visual generation`],
    [
      4,
      `text-to-image diffusion, image customization, customized generation, virtual try-on,
       try-on, identity preservation, DALL-E, Imagen, Midjourney, FLUX.1, masked autoregressive, next-scale
       prediction, 1D tokenizer, image tokenizers, SiT, REPA, representation alignment for generation,
       reward model for image generation, image generation models, text-to-image models, text-to-image
       generation, generated image, image-to-image translation, image harmonization, layout generation,
       poster generation, logo generation, font generation, sketch-to-image`,
    ],
  ],
  video: [
    [
      5,
      `video generation, text-to-video, text to video, T2V, image-to-video, I2V, video diffusion, video
       synthesis, video editing, video understanding, video-language, video language, video-text, video
       question answering, video QA, video captioning, long video, long videos, video LLM, video-LLM, video
       LLMs, video-LLMs, streaming video, video frames, video models, video model, video generators, video
       generator, talking head, talking heads, talking face, talking character, talking characters, lip-sync,
       lip sync, human =animation, portrait =animation, character =animation, video retrieval, text-to-video
       retrieval, temporal grounding, video grounding, temporal action, egocentric video, video prediction,
       camera control, motion control, video tokenizer, world foundation model, world foundation models, Sora, Wan2.1, HunyuanVideo, MSR-VTT, Kinetics,
       Kinetics-400, WebVid, video datasets, video dataset, video data, video benchmarks, video benchmark,
       video-synchronized, video-to-audio`,
    ],
    [
      3,
      `video, videos, temporal, spatiotemporal, spatio-temporal, frames, movie, movies, film, cinematic,
       =animation, dance, YouTube, footage, temporal consistency, identity-preserving, audio-driven,
       speech-driven, action recognition`,
    ],
    [1.5, `frame, motion, clips, temporally, dynamic scenes, world model, world models`],
    [3, `^video, ^videos`],
    [
      4,
      `video world model, video world models, long video generation, temporal coherence, video VAE,
       camera motion, motion transfer, video inpainting, frame interpolation, video frame interpolation,
       video super-resolution, video object segmentation, VOS, dense video captioning, moment retrieval,
       highlight detection, video anomaly detection, video-to-audio, video generation models, text-to-video
       generation, video reasoning, video benchmark, video benchmarks, audio-driven animation, avatar video,
       digital human, digital humans, lip-synchronization`,
    ],
  ],
  "3d": [
    [
      5,
      `3D reconstruction, 3D scene, 3D scenes, scene reconstruction, NeRF, NeRFs, neural radiance field,
       neural radiance fields, Gaussian splatting, 3D Gaussian, 3D Gaussians, 3DGS, 3D generation, text-to-3D,
       image-to-3D, 3D asset, 3D assets, novel view synthesis, view synthesis, point cloud, point clouds,
       mesh generation, 3D mesh, depth estimation, monocular depth, metric depth, depth map, depth maps,
       depth models, multi-view stereo, stereo matching, structure from motion, SfM, SLAM, camera pose,
       camera poses, pose estimation, human pose, 3D human, 3D pose, SMPL, avatar, avatars, human motion,
       motion generation, motion synthesis, text-to-motion, neural field, neural fields, implicit neural
       representation, signed distance, SDF, 4D, 3D, 3D-aware, =graphics, rendering, renderer, differentiable
       rendering, CAD, LiDAR, voxel, voxels, 3D understanding, 3D object, 3D objects, human motion generation,
       motion model, motion models, pose lifting, 3D HPE`,
    ],
    [
      3,
      `depth, mesh, meshes, geometry, geometric, multi-view, texture, occupancy, viewpoint, viewpoints, novel
       view, novel views, camera parameters, scene geometry, skeletal, inverse kinematics, physics-based,
       character simulators, AR, VR, XR, mixed reality, augmented reality, virtual reality, indoor scenes,
       scene understanding`,
    ],
    [
      1,
      `shape, shapes, scene, scenes, views, camera, cameras, character, characters, joints, spatial, motion`,
    ],
    [
      3,
      `^3D, ^NeRF, ^Gaussian splatting, ^avatar, ^avatars, ^point cloud, ^depth estimation, ^pose estimation,
       ^human motion, ^4D, ^=depth`,
    ],
    [0, `^3D parallelism, ^3D medical, ^3D medical image`],
    [
      0,
      `3D volume, 3D volumes, 3D parallelism, 3D medical, 3D CT, 3D brain, 3D heart, 2D mesh, static mesh,
       dynamic mesh, mesh design, model depth, network depth, depth and width, depthwise`,
    ],
    [
      4,
      `feed-forward 3D, multi-view diffusion, scene generation, 3D scene generation, 3D editing,
       relighting, inverse rendering, physically based rendering, PBR, odometry, visual odometry, occupancy
       prediction, 3D detection, point map, point maps, DUSt3R, MASt3R, VGGT, hand pose estimation,
       hand-object interaction, garment, garments, human reconstruction, head avatar, head avatars, 3D face,
       3D shape, 3D shapes, 3D vision, spatial intelligence, 3D LLM, 3D-LLM, radiance field, radiance fields,
       surface reconstruction, Gaussian primitives, splatting`,
    ],
  ],
  audio: [
    [
      5,
      `speech, audio, ASR, automatic speech recognition, speech recognition, TTS, text-to-speech, text to
       speech, speech synthesis, voice cloning, voice conversion, speaker verification, speaker recognition,
       spoken language, spoken dialogue, speech language model, speech LLM, audio language model, audio LLM,
       audio generation, text-to-audio, music, music generation, song, songs, singing, lyrics, sound, sounds,
       sound effects, acoustic, vocoder, audio codec, speech codec, neural codec, speech tokenizer, speech
       tokens, audio tokens, speech enhancement, speech separation, noise suppression, audio-visual, Whisper,
       LibriSpeech, prosody, phoneme, phonemes, audio captioning, audio understanding, sound event, word error
       rate, full-duplex, dubbing, podcast, voice, voices, spoken, speech command, speech commands, codec
       language model, codec language models, neural codec language model, audio-language model,
       audio-language models, large audio language model, large audio-language model, LALM, LALMs, voice
       chat, speech instructions, audio signals, HuBERT, wav2vec, wav2vec 2.0, speech representation, speech
       representations, self-supervised speech`,
    ],
    [
      3,
      `speaker, speakers, listen, listening, pitch, timbre, waveform, spectrogram, mel, utterance, vocal, WER`,
    ],
    [
      3,
      `^speech, ^audio, ^music, ^voice, ^TTS, ^ASR, ^spoken, ^sound, ^song, ^speech language model, ^speech
       language models, ^audio language model, ^audio language models, ^codec language model, ^codec language
       models`,
    ],
    [0, `theoretically sound, sound theoretical, sound theory`],
    [
      4,
      `speech-to-speech, spoken language understanding, voice assistant, speech emotion, emotional
       speech, sound generation, foley, video-to-audio, text-to-music, singing voice, speaker diarization,
       diarization, keyword spotting, audio tokenizer, audio tokenizers, audio encoder, speech encoder,
       audio-visual speech, speech quality, spoken question answering, audio benchmark, audio question
       answering, zero-shot TTS, voice activity detection, audio LLMs, speech LLMs`,
    ],
  ],
  robotics: [
    [
      5,
      `robot, robots, robotic, robotics, robot learning, robot manipulation, robotic manipulation, manipulation
       policy, manipulation policies, manipulation tasks, dexterous, dexterous manipulation, grasping,
       bimanual, locomotion, legged, quadruped, humanoid, humanoids, vision-language-action, vision language
       action, VLA, VLAs, embodied, embodied AI, embodiment, embodiments,
       cross-embodiment, autonomous =driving, self-driving, end-to-end =driving, motion planning, navigation
       policy, visual navigation, vision-and-language navigation, VLN, teleoperation, teleoperated, sim-to-real,
       sim2real, real robot, end-effector, manipulator, gripper, grippers, drone, drones, UAV, UAVs, diffusion
       policy, imitation learning, behavior cloning, behaviour cloning, visuomotor, Open X-Embodiment,
       MetaWorld, Meta-World, LIBERO, RT-2, pi0, OpenVLA, large behavior model, large behavior models, robot
       foundation model, robotic foundation models, generalist robot, generalist robots, physical AI, household tasks,
       tactile, visuo-tactile, policy learning, visual policy`,
    ],
    [
      3,
      `embodied agent, embodied agents, grasp, =driving, manipulation, =demonstrations, human =demonstrations, human-to-robot, vehicle, vehicles,
       physical world, egocentric, human manipulation, hand pose, real-world experiments, motion-level`,
    ],
    [1, `control, controller, actions, action, simulation, simulated, =physical, hand, hands, trajectories`],
    [3, `^robot, ^robots, ^robotic, ^embodied, ^manipulation, ^=driving, ^locomotion, ^humanoid, ^VLA`],
    [
      0,
      `image manipulation, knowledge manipulation, data manipulation, video manipulation, generation and manipulation, visual generation and manipulation`,
    ],
    [
      4,
      `whole-body control, dexterous hands, dexterous hand, motion retargeting, robot arm, robot arms,
       mobile manipulation, autonomous vehicles, trajectory prediction, motion forecasting, BEV, bird's-eye
       view, nuScenes, Waymo, CARLA, object navigation, ObjectNav, embodied navigation, embodied tasks,
       embodied intelligence, robot policy, robot policies, robotic policy, robotic policies, policy
       generalization, manipulation benchmark, pick-and-place, assembly tasks, deformable objects,
       contact-rich, legged robots, humanoid robots, action chunking, action tokenization, action expert,
       world-model-based planning`,
    ],
  ],
  rl: [
    [
      5,
      `reinforcement learning, deep reinforcement learning, deep RL, RL, offline RL, offline reinforcement
       learning, online RL, model-based RL, multi-agent reinforcement learning, MARL, policy optimization,
       policy gradient, policy gradients, PPO, proximal policy optimization, GRPO, group relative policy
       optimization, DAPO, REINFORCE, actor-critic, Q-learning, Q-function, value function, value functions,
       value-based, temporal difference, TD learning, reward model, reward models, reward modeling, reward
       modelling, RLHF, RLAIF, RLVR, verifiable reward, verifiable rewards, reward shaping, reward hacking,
       Markov decision process, MDP, bandit, bandits, multi-armed bandit, contextual bandit, Atari, MuJoCo,
       D4RL, self-play, game playing, chess, StarCraft, on-policy, off-policy, credit assignment,
       reinforcement fine-tuning, RFT, Bellman, reward function, reward signal, reward signals, RL training`,
    ],
    [
      3,
      `reinforcement, reward, rewards, policy, policies, rollout, rollouts, Gym, regret, RM, world model, world
       models, model-based, RL agent, RL agents`,
    ],
    [1.5, `exploration, environment, environments, games, game, agent, return, importance sampling`],
    [3, `^reinforcement, ^reward, ^RL, ^policy, ^policy optimization`],
    [
      4,
      `advantage estimation, advantage function, KL penalty, KL divergence penalty, entropy collapse,
       policy entropy, entropy regularization, Q-value, Q-values, critic, value model, inverse reinforcement
       learning, IRL, offline-to-online, exploration bonus, intrinsic reward, intrinsic motivation,
       curiosity-driven, sparse rewards, dense rewards, outcome reward, outcome rewards, preference
       optimization, policy model, RL algorithms, RL algorithm, RL fine-tuning, RL-based, sample-efficient
       RL`,
    ],
  ],
  alignment: [
    [
      5,
      `AI safety, LLM safety, safety alignment, safety, unsafe, harmful, harmfulness, harmless, jailbreak,
       jailbreaks, jailbreaking, red teaming, red-teaming, adversarial prompts, prompt injection, toxicity,
       toxic, social bias, social biases, stereotypes, fairness, privacy, private data, privacy-preserving,
       differential privacy, membership inference, data extraction, model extraction, watermark,
       watermarking, watermarks, =interpretability, mechanistic =interpretability, =explainability,
       =explainable, sparse autoencoder, sparse autoencoders, monosemantic, polysemantic, polysemanticity,
       unlearning, machine unlearning, hallucination, hallucinations, hallucinate, =factuality, faithfulness,
       =truthfulness, =truthful, human values, value alignment, preference alignment, human preference
       alignment, alignment with human preferences, direct preference optimization, DPO, preference
       optimization, preference data, preference pairs, preference datasets, =constitutional,
       refusal, refusals, over-refusal, guardrail, guardrails, backdoor, backdoors, data poisoning,
       adversarial attack, adversarial attacks, adversarial robustness, trustworthy, trustworthiness,
       deception, deceptive, sycophancy, misuse, deepfake, deepfakes, misinformation, content moderation,
       responsible AI, model editing, representation engineering, helpful and harmless`,
    ],
    [
      3,
      `alignment, bias, biases, biased, fair, attack, attacks, attacker, attackers, security, adversarial,
       steering, =probing, circuits, SAE, SAEs, interpret, transparency, ethical, ethics, =helpfulness,
       uncertainty, calibration, human preference, human preferences, RLHF, =reliability, poisoning, victim,
       black-box, trust`,
    ],
    [
      1.5,
      `aligned, align, aligning, misalignment, preference, preferences, robustness, vulnerable, explanation,
       explanations, transparent, risk, risks, reliable`,
    ],
    [
      3,
      `^safety, ^safe, ^jailbreak, ^jailbreaking, ^hallucination, ^hallucinations, ^unlearning,
       ^=interpretability, ^=interpretable, ^privacy, ^bias, ^fairness, ^watermark, ^watermarking, ^attack,
       ^attacks, ^adversarial attack, ^adversarial attacks, ^=reliability, ^trustworthy, ^harmful, ^red teaming, ^human preference`,
    ],
    [
      0,
      `image-text alignment, text-image alignment, cross-modal alignment, modality alignment, feature
       alignment, alignment stage, alignment pretraining, alignment module, semantic alignment, aligning
       modalities, align visual, visual alignment, instruction alignment, physical space alignment, parametric
       space, spectral bias, inductive bias, inductive biases, language bias, data bias, attention bias,
       position bias, exposure bias, lip-sync accuracy, linear =probing,
       cross-modality alignment, text-video alignment, alignment-focused,
       self-attention bias, bias towards, biases from, biased towards, bias toward, biases in sampling`,
    ],
    [
      4,
      `red team, harmful content, AI-generated text detection, machine-generated text detection,
       AI-generated text, AI-generated images, deepfake detection, copyright, scheming, sandbagging,
       oversight, scalable oversight, weak-to-strong, emergent misalignment, moral, morality, gender bias,
       political bias, cultural bias, safety evaluation, safety benchmark, unsafe content, harmful
       requests, harmful queries, prompt attacks, model safety, AI risk, catastrophic risk, dangerous
       capabilities, mechanistic, attribution, feature attribution, saliency maps, concept erasure, content
       safety, safety-critical, safety guardrails, LLM-as-a-judge bias`,
    ],
  ],
  efficiency: [
    [
      5,
      `quantization, quantized, quantize, quantizing, post-training quantization, PTQ, quantization-aware
       training, QAT, low-bit, 2-bit, 3-bit, 4-bit, 8-bit, INT4, INT8, W4A8, W4A16, W8A8, 1-bit, ternary,
       binarization, binary neural network, pruning, pruned, prune, structured pruning, unstructured pruning,
       sparsity, sparse model, sparse models, N:M sparsity, 2:4 sparsity, model compression, compressed
       models, compressing, KV cache, KV-cache, key-value cache, speculative decoding, draft model, parallel
       decoding, decoding heads, efficient inference, inference efficiency, inference acceleration,
       accelerating inference, inference speed, inference latency, LLM =serving, inference =serving, on-device,
       edge devices, edge device, mobile devices, resource-constrained, token pruning, token reduction, token
       merging, token compression, visual token reduction, vision token reduction, early exit, early exiting,
       dynamic inference, adaptive computation, efficient attention, sparse attention, FlashAttention-2,
       memory-efficient inference, faster inference, inference cost, inference costs, efficient deployment,
       CPU inference, consumer GPU, activation sparsity, once-for-all, supernet, subnets, sub-networks,
       sub-models, dynamic networks, few-step, one-step, step distillation, sampling acceleration, speed-up
       inference, efficient LLMs, efficient MLLMs, efficient LMMs, efficient VLMs, linear-complexity,
       quadratic complexity, token-level computation, sparse fine-tuning`,
    ],
    [
      3,
      `knowledge distillation, distillation, distilled, distill, compression, compressed, compress, latency,
       =serving, throughput, speedup, speed-up, lightweight, compact, memory footprint, real-time, low-latency,
       deployment, deploy, deploying, accelerate, acceleration, accelerating, FLOPs, GFLOPs, hardware-aware,
       hardware-friendly, bit-width, mixed-precision, redundancy, redundant, linear complexity, sparse,
       parameter sharing, weight sharing, elastic, dynamic sub-network, weight-shared`,
    ],
    [
      1.5,
      `efficient, efficiency, efficiently, fast, faster, cheaper, cost-effective, memory, cost, costs,
       small, smaller, tiny, mini, student, teacher, bit, bits, =precision, low-rank, skipping, inference,
       speed, resource-limited`,
    ],
    [1.5, `^efficient, ^efficiency, ^lightweight, ^fast, ^tiny`],
    [
      2.5,
      `^quantization, ^quantized, ^pruning, ^compression, ^compressing, ^sparsity, ^distillation,
       ^inference, ^=serving, ^speculative, ^KV cache, ^on-device, ^accelerating, ^acceleration`,
    ],
    [
      0,
      `^variational inference, ^bayesian inference, ^latent-variable inference, ^causal inference,
       ^statistical inference, ^natural language inference, ^sparse autoencoder, ^sparse autoencoders,
       ^sparse retrieval, ^sparse fine-tuning, ^dataset distillation, ^self-distillation`,
    ],
    [
      4,
      `KV cache compression, KV cache eviction, layer pruning, head pruning, mixture of depths,
       mixture-of-depths, dynamic depth, length reduction, reasoning length reduction, token budget, FP4,
       MXFP4, NVFP4, low-rank compression, expert offloading, expert pruning, linear-time, efficient
       transformer, efficient transformers, efficient architecture, inference-time efficiency, prefill,
       decoding speed, decoding latency, tokens per second, memory bandwidth, model size reduction, small
       models, edge deployment, mobile deployment, weight quantization, activation quantization, KV
       quantization, vector quantization of weights`,
    ],
  ],
  training: [
    [
      5,
      `=optimizer, =optimizers, Adam, AdamW, SGD, LAMB, LARS, Muon, Shampoo, learning rate, learning rates,
       learning rate schedule, learning rate scheduler, warmup, weight decay, gradient descent, stochastic
       gradient, stochastic gradients, distributed training, parallel training, data parallelism,
       data-parallel, data parallel, model parallelism, tensor parallelism, pipeline parallelism, sequence
       parallelism, context parallelism, expert parallelism, hybrid parallelism, 3D parallelism, ZeRO,
       ZeRO-3, ZeRO++, FSDP, DeepSpeed, Megatron, Megatron-LM, Megatron-Core, TorchTitan, GPU cluster, GPU
       clusters, supercomputer, all-reduce, all-to-all, communication overhead, communication cost,
       communication costs, communication-efficient, low-bandwidth, interconnect, MFU, model FLOPs
       utilization, activation memory, activation checkpointing, recomputation, offloading, memory-efficient
       training, memory efficient training, training efficiency, efficient training, training cost, training
       costs, training time, training speed, training framework, training frameworks, training system,
       training systems, training =stability, training instability, loss spikes, loss spike, fault tolerance,
       stragglers, elastic training, mixed-precision training, FP8 training, low-precision training,
       parameter-efficient fine-tuning, parameter-efficient tuning, parameter-efficient, PEFT, PET, LoRA,
       QLoRA, low-rank adaptation, adapter tuning, prompt tuning, prefix tuning, soft prompt, full
       fine-tuning, continual learning, lifelong learning, catastrophic forgetting, continual pre-training,
       continual post-training, continual knowledge learning, federated learning, federated fine-tuning,
       large batch, large-batch, batch size, batch sizes, hyperparameter tuning, muP, maximal update,
       =initialization, =initializing, training dynamics, grokking, gradient noise, loss landscape, sharpness,
       multi-task learning, meta-learning, meta-training, model merging, weight averaging, model soup,
       curriculum learning, data loading, load balancing, load-balancing, MoE training, training recipe,
       training recipes, training pipeline, training paradigm, efficient pretraining, efficient pre-training,
       memory-efficient pretraining, efficient fine-tuning, efficient supervised fine-tuning, low-rank training, full-rank training,
       optimizer states, memory-efficient, memory efficient, pre-training efficiency, training acceleration,
       dynamic training, sample reweighting, reweighting, ensemble, ensembles`,
    ],
    [
      3,
      `GPUs, TPU, TPUs, NPUs, =accelerators, offload, memory consumption, convergence, momentum, =adapter,
       =adapters, forgetting, federated, hyperparameter, hyperparameters, gradient, gradients, =normalization,
       curriculum, parallelism, parallel, =communication, bandwidth, cluster, clusters, hardware, GPU,
       scheduler, scheduling, =stability, =regularization, dropout, trainable parameters, SVD, singular values,
       transfer learning, semi-supervised, active learning, pseudo-labels, knowledge transfer, sample
       efficiency, overfitting, replay, experience replay, plasticity, scalable training, training strategy,
       training strategies, scaling efficiency, parameter efficiency, fine-tuning methods`,
    ],
    [1, `training, train, trained, trains, fine-tuning, fine-tune, fine-tuned, finetuning, tuning, scalable`],
    [1.5, `^training, ^train, ^=optimization`],
    [0, `^parallel decoding, ^accelerating training, ^training acceleration`],
    [
      3,
      `^=optimizer, ^=optimizers, ^LoRA, ^parallelism, ^parallel, ^=distributed, ^fine-tuning, ^finetuning,
       ^=continual, ^federated, ^low-rank adaptation, ^parameter-efficient, ^large-batch, ^learning rate`,
    ],
    [
      4,
      `FP4 training, SOAP optimizer, Lion optimizer, Sophia, second-order optimizer, second-order
       optimization, gradient clipping, hyperparameter transfer, critical batch size, WSD, warmup-stable-decay,
       checkpoint averaging, EMA, exponential moving average, DoRA, PiSSA, pipeline bubble, pipeline bubbles,
       gradient checkpointing, gradient accumulation, training throughput, pre-training stability, training
       divergence, loss curves, learning dynamics, optimization dynamics, model parallel, tensor parallel,
       pipeline parallel, sequence parallel, context parallel, expert parallel, collective communication,
       NCCL, RDMA, InfiniBand, parameter server, asynchronous training, decentralized training,
       low-communication training, DiLoCo, local SGD`,
    ],
  ],
  retrieval: [
    [
      5,
      `retrieval-augmented generation, retrieval augmented generation, RAG, retrieval, retriever, retrievers,
       dense retrieval, sparse retrieval, passage retrieval, document retrieval, information retrieval,
       reranking, re-ranking, reranker, rerankers, re-ranker, text embedding, text embeddings, embedding model,
       embedding models, sentence embedding, sentence embeddings, universal embedding, universal embeddings,
       semantic search, search engine, search engines, vector search, vector database, approximate nearest
       neighbor, ANN search, BM25, ColBERT, DPR, BEIR, MTEB, MS MARCO, recommender system, recommender systems,
       recommendation, recommendations, recommender, recommend, collaborative filtering, click-through rate,
       CTR prediction, session-based, sequential recommendation, user interests, cold-start, item embeddings,
       =ads, advertising, query rewriting, GraphRAG, open-domain question answering, knowledge-intensive,
       semantic textual =similarity, Matryoshka, embedding tasks, representation models, representation model,
       item-to-item`,
    ],
    [
      3,
      `knowledge graph, knowledge graphs, IR, CTR, user behavior, search, =ranking, =relevance, hard negatives,
       hard negative, InfoNCE, items, item, embeddings, embedding, retrieve, retrieved, retrieving`,
    ],
    [1, `query, queries, documents, document, passages, passage, index, indexing, users, user, =similarity`],
    [
      3,
      `^retrieval, ^RAG, ^retriever, ^embedding, ^embeddings, ^recommendation, ^recommender, ^search,
       ^reranking, ^reranker, ^=ranking`,
    ],
    [
      0,
      `^architecture search, ^neural architecture search, ^tree search, ^beam search, ^positional embedding,
       ^position embedding, ^rotary position embedding, ^token embedding`,
    ],
    [
      0,
      `positional embedding, position embedding, token embedding, token embeddings, visual embeddings, input
       embeddings, patch embedding, architecture search, neural architecture search, hyperparameter search,
       search space, greedy search, tree search, search-free, beam search`,
    ],
    [
      4,
      `query expansion, generative retrieval, multi-vector, late interaction, retrieval-augmented,
       agentic RAG, search-augmented, web search, knowledge base, knowledge bases, user modeling, LLM-based
       recommendation, LLM-based recommender, retrieval corpus, retrieval benchmark, retrieval tasks,
       embedding benchmark, MMEB, vector retrieval, sparse embeddings, dense embeddings, long-context
       retrieval, contextual retrieval, chunking, citation`,
    ],
  ],
  data: [
    [
      5,
      `new benchmark, new dataset, novel benchmark, evaluation benchmark, evaluation suite, data curation,
       curation, data selection, data filtering, data quality, data-centric, high-quality data, synthetic
       data, data synthesis, data generation pipeline, data pipeline, data engine, data construction,
       crowdsourcing, crowdsourced, data mixture, data mixtures, data ablation, data ablations, data pruning, sample pruning,
       data efficiency, data contamination, contamination, data leakage, leaderboard, leaderboards,
       evaluation methodology, evaluation protocol, evaluation framework, meta-evaluation, LLM-as-a-judge,
       LLM judge, LLM judges, automatic evaluation, instruction data, instruction dataset, instruction
       datasets, instruction curation, SFT data, training data composition, deduplication, quality filtering,
       CommonCrawl, Common Crawl, evaluation set, evaluation
       sets, live benchmark, QA pairs, question-answer pairs, manually verified, human-curated, data
       collection, dataset construction, data construction pipeline, recaption, data strategies, data
       evolution, corpus construction`,
    ],
    [
      3,
      `benchmarking, curated, annotation, annotations, annotated, human-annotated, manually annotated,
       human evaluation, evaluation metric, evaluation metrics, data scaling, training data, pretraining
       data, instruction-following data, data generation, data, test set, held-out, multiple-choice,
       introduce ~ benchmark, propose ~ benchmark, present ~ benchmark, introduce ~ dataset, present ~
       dataset, construct ~ dataset, build ~ dataset, release ~ dataset, collect ~ dataset, curate ~ dataset,
       introduce ~ corpus, new ~ benchmark, comprehensive ~ benchmark, challenging ~ benchmark, assemble ~
       dataset, evaluation, evaluations, evaluate, evaluating, leakage`,
    ],
    [
      1.5,
      `benchmark, benchmarks, dataset, datasets, corpus, corpora, metric, metrics, samples, data,
       ^data`,
    ],
    [
      5,
      `^benchmark, ^benchmarks, ^benchmarking, ^dataset, ^datasets, ^*bench, ^evaluation, ^evaluating,
       ^evaluations, ^data curation, ^data selection, ^corpus, ^evaluate, ^arena, ^leaderboard`,
    ],
    [
      4,
      `data mixing, dataset distillation, Elo, Elo ratings, pairwise comparison, pairwise comparisons,
       benchmark saturation, human raters, human annotators, annotators, inter-annotator agreement,
       evaluation harness, open benchmark, held-out test, test split, training split, data recipe, data
       recipes, data composition, data diversity, data scarcity, data collection pipeline, large-scale
       dataset, high-quality dataset, synthetic dataset, synthetic datasets, benchmark for, questions
       spanning`,
    ],
  ],
  science: [
    [
      5,
      `protein, proteins, protein structure, protein design, protein language model, molecule, molecules,
       molecular, drug design, chemistry, chemical, chemicals, materials science, materials discovery,
       crystal, crystals, catalyst, =physics, physical sciences, PDE, PDEs, partial differential equations,
       fluid dynamics, turbulence, climate, weather, weather forecasting, atmospheric, ocean, earth system,
       astronomy, astrophysics, astronomical, galaxy, galaxies, cosmology, cosmological, dark energy,
       redshift, telescope, N-body, particle =physics, quantum chemistry, DFT, density functional theory,
       molecular dynamics, genomics, genomic, genome, gene expression, DNA, RNA, single-cell, scRNA-seq, omics,
       multi-omic, bioinformatics, biosequence, biosequences, peptide, peptides, nucleotide, nucleotides, amino
       acid, amino acids, enzyme, enzymes, antibody, antibodies, microscopy, bioimage, bioimages, neuroscience,
       ecology, biodiversity, scientific discovery, AI scientist, AI scientists, AI for science, scientific
       research, scientific research process, scientists, research workflows, mathematical discovery,
       scientific literature, scientific papers, symbolic regression, geoscience, seismic, biological images,
       cell biology, disease biology, molecular biology, materials, time series forecasting, forecasting`,
    ],
    [
      3,
      `scientific, science, sciences, biology, biological, gene, genes, cell, cells, quantum, fluid,
       =simulations, equations, species, reaction, reactions, lab, laboratory, experimental data, physical
       systems, time series, computer science`,
    ],
    [1, `simulation, hypothesis, hypotheses, property prediction, properties, drug discovery, discovery`],
    [
      3,
      `^protein, ^proteins, ^molecular, ^molecule, ^chemistry, ^chemical, ^materials, ^=physics, ^weather,
       ^climate, ^biology, ^biological, ^cell, ^single-cell, ^genomic, ^scientific, ^science, ^galaxy,
       ^cosmological, ^PDE, ^protein language model, ^protein language models`,
    ],
    [0, `data science`],
    [
      4,
      `molecular generation, drug-target, retrosynthesis, SMILES, protein folding, protein
       structure prediction, de novo design, inverse design, crystal structure, neural operator, neural
       operators, Fourier neural operator, physics-informed, PINN, PINNs, earth observation, lab automation,
       wet-lab, spatial transcriptomics, transcriptomics, conjecture, conjectures, combinatorics, mathematical
       research, materials design, chemical reactions, reaction prediction, molecular property, molecular
       properties, biomolecular, biomolecules, cell types, gene regulatory, sequence-to-structure, seismology,
       hydrology, oceanography, solar, plasma, fusion energy, particle, particles, dynamical systems`,
    ],
  ],
  medicine: [
    [
      5,
      `medical, medicine, clinical, clinician, clinicians, patient, patients, health, healthcare, disease,
       diseases, diagnosis, diagnostic, diagnoses, radiology, radiologist, radiograph, chest X-ray, X-ray,
       CT, MRI, ultrasound, pathology, histopathology, whole slide image, whole slide images, WSI, EHR, EHRs,
       electronic health records, electronic medical records, medical records, EEG, ECG, electrocardiogram,
       electrocardiograms, arrhythmia, arrhythmias, cancer, tumor, tumour, lesion, lesions, =organ, =organs,
       surgical, surgery, biomedical, biomedicine, hospital, hospitals, physician, physicians, doctor, doctors,
       clinical trial, clinical trials, mental health, depression, psychiatric, dermatology, ophthalmology,
       retinal, cardiac, medical imaging, medical image, medical images, medical image segmentation, MedQA,
       PubMedQA, USMLE, Med-PaLM, MIMIC, survival analysis, biomarker, biomarkers, COVID, epidemiology,
       brain-computer interface, lung, nodule, nodules, prognosis, SLAKE,
       VQA-RAD, CAMELYON, TCGA, medical domain`,
    ],
    [
      3,
      `therapy, treatment, treatments, drug, drugs, heart, survival, care, symptoms, diagnose, healthy,
       hazard, cure, emotion recognition, =affective, wearable, wearables, physiological, brain, melanoma`,
    ],
    [
      3,
      `^medical, ^clinical, ^health, ^healthcare, ^radiology, ^patient, ^disease, ^biomedical, ^biomedicine,
       ^surgical, ^ECG, ^EEG, ^pathology, ^cancer`,
    ],
    [
      4,
      `radiology report generation, radiology reports, medical VQA, clinical notes, histology,
       oncology, pharmacology, drug-drug interaction, psychotherapy, medical LLM, medical LLMs, medical
       question answering, clinical decision support, clinical reasoning, patient outcomes, medical knowledge,
       healthcare applications, medical report, medical reports, endoscopy, colonoscopy, mammography,
       echocardiography, fundus, polyp, tumor segmentation, organ segmentation, brain tumor, Alzheimer,
       diabetic, sepsis, ICU, clinical practice, health records`,
    ],
  ],
  nlp: [
    [
      5,
      `machine translation, neural machine translation, translation performance, translation task,
       translation models, translation quality, BLEU, COMET, WMT, NLLB, summarization, abstractive
       summarization, extractive summarization, information extraction, named entity recognition, NER,
       relation extraction, entity linking, event extraction, sentiment analysis, text classification,
       natural language inference, NLI, reading comprehension, summarization, news summarization, multilingual, cross-lingual, crosslingual,
       multilinguality, low-resource =languages, low-resource language, language pairs, translation
       directions, non-English, English-centric, code-switching, dialect, dialects, Vietnamese, Swahili,
       African =languages, Indic =languages, Bengali, Urdu, dialogue systems, task-oriented dialogue,
       semantic parsing, coreference, coreference resolution, grammatical error correction, text
       simplification, paraphrase generation, natural language understanding, NLU, natural language
       generation, NLG tasks, GLUE, SuperGLUE, SQuAD, story generation, creative =writing, long-form
       generation, long-form =writing, sign language, topic modeling, keyword extraction, fact-checking, stance
       detection, hate speech detection, Chinese NLP, NLP tasks, NLP benchmarks`,
    ],
    [
      3,
      `translation, translations, translate, translating, translator, MT, summaries, summarize, sentiment,
       question answering, dialogue, dialogues, dialog, =conversational, parsing, =news, syntactic, syntax, linguistic, linguistics, morphology, lexical, paraphrase,
       =writing, essay, Arabic, Hindi, Japanese, Korean, Indonesian, Persian, Turkish, =languages, ASL,
       PHOENIX14T, How2Sign, NLP`,
    ],
    [1, `text, texts, textual, sentence, sentences, words, natural language processing, Chinese, English`],
    [
      0,
      `programming =languages, low-resource programming =languages, translation between high- and low-resource
       =languages, image-to-image translation, long text into multi-image, translating long text, video
       translation, NLP and multimodal tasks, success in natural language processing, natural language
       processing applications, language understanding and generation tasks`,
    ],
    [3, `^translation, ^multilingual, ^dialogue, ^summarization, ^translator, ^sentiment, ^cross-lingual`],
    [
      4,
      `text summarization, language identification, morphological, text style transfer, readability,
       grammar, spelling, argument mining, discourse, poetry, humor, sarcasm, emotion detection, machine
       reading comprehension, open information extraction, knowledge extraction, entity extraction, keyphrase,
       text-to-text, sequence-to-sequence, seq2seq, encoder-decoder translation, translation benchmark,
       multilingual benchmark, multilingual LLM, multilingual LLMs, multilingual evaluation, cross-lingual
       transfer, language-specific, Southeast Asian languages, European languages, Indian languages`,
    ],
  ],
};

/**
 * arXiv categories as priors: raw score added to a topic when the paper carries the category
 * (its first, primary category counts fully, cross-lists at half). Archive prefixes ("q-bio",
 * "astro-ph") cover every category under them. Broad ones (cs.LG, cs.AI, stat.ML) add nothing.
 */
export const CATEGORY_PRIORS: Readonly<Record<string, Partial<Record<TopicSlug, number>>>> = {
  "cs.RO": { robotics: 12 },
  "cs.SD": { audio: 12 },
  "eess.AS": { audio: 12 },
  "eess.SP": { audio: 2, medicine: 2 },
  "cs.CV": { vision: 5, multimodal: 1, "image-generation": 1, video: 1, "3d": 1 },
  "eess.IV": { vision: 4, medicine: 3, "image-generation": 1 },
  "cs.GR": { "3d": 8, "image-generation": 2 },
  "cs.MM": { multimodal: 4, audio: 1, video: 1 },
  "cs.CL": { llm: 3, nlp: 3 },
  "cs.IR": { retrieval: 10 },
  "cs.SE": { code: 10 },
  "cs.PL": { code: 9 },
  "cs.MA": { agents: 9 },
  "cs.CR": { alignment: 7, code: 1 },
  "cs.CY": { alignment: 5 },
  "cs.DC": { training: 7, efficiency: 2 },
  "cs.AR": { efficiency: 6, training: 3 },
  "cs.PF": { efficiency: 4, training: 2 },
  "cs.NE": { training: 1 },
  "cs.LO": { reasoning: 6 },
  "cs.GT": { rl: 3 },
  "cs.SY": { robotics: 3, rl: 2 },
  "eess.SY": { robotics: 3, rl: 2 },
  "cs.HC": { agents: 1 },
  "cs.DB": { retrieval: 3, data: 2 },
  "cs.DL": { data: 2, retrieval: 2, science: 1 },
  "math.OC": { training: 5, rl: 1 },
  "math.LO": { reasoning: 7 },
  "math.HO": { reasoning: 3 },
  "stat.AP": { science: 2, medicine: 2 },
  "q-bio": { science: 12 },
  "q-bio.QM": { science: 9, medicine: 3 },
  "q-bio.NC": { science: 8, medicine: 3 },
  "physics.med-ph": { medicine: 12 },
  physics: { science: 11 },
  "astro-ph": { science: 12 },
  "cond-mat": { science: 12 },
  "quant-ph": { science: 10 },
  "hep-ph": { science: 12 },
  "hep-th": { science: 12 },
  "hep-ex": { science: 12 },
  "hep-lat": { science: 12 },
  "gr-qc": { science: 12 },
  "nucl-th": { science: 12 },
  "nucl-ex": { science: 12 },
  "math-ph": { science: 9 },
  nlin: { science: 9 },
  "q-fin": { science: 2 },
  "math.NA": { science: 5 },
  "math.AP": { science: 5 },
  "math.DS": { science: 4 },
};
