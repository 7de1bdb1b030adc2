import { commentSegments, type CommentMention } from "@/lib/activity/comment-text";

/**
 * A comment's text as typed: web addresses as links, resolved @mentions as the person's name. Every piece is a React
 * text node or element — never HTML — so whatever was typed (tags, scripts, entities) shows as the characters it is.
 */
export function CommentBody({ body, mentions }: { body: string; mentions: CommentMention[] }) {
  return (
    <p className="whitespace-pre-wrap text-sm text-gray-900 [overflow-wrap:anywhere]">
      {commentSegments(body, mentions).map((segment, index) => {
        if (segment.kind === "link") {
          return (
            <a key={index} href={segment.href} rel="noopener noreferrer nofollow" className="text-blue-700 underline hover:text-blue-900">
              {segment.text}
            </a>
          );
        }
        if (segment.kind === "mention") {
          return (
            <span key={index} title={segment.mention.email} className="rounded bg-blue-50 px-0.5 font-medium text-blue-900">
              @{segment.mention.name}
            </span>
          );
        }
        return <span key={index}>{segment.text}</span>;
      })}
    </p>
  );
}
