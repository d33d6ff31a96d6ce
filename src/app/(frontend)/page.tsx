import { listLatestMeetings } from '@/lib/meetings'
import { getSiteIdentity } from '@/lib/site'

// Until the public site is built, the home page lists what the content system holds.
export const dynamic = 'force-dynamic'

const formatInForumTime = ({ iso, timeZone }: { iso: string; timeZone?: null | string }) =>
  new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: timeZone || 'Asia/Shanghai',
  }).format(new Date(iso))

const HomePage = async () => {
  const [site, meetings] = await Promise.all([getSiteIdentity({}), listLatestMeetings({})])
  return (
    <main>
      <h1>{site.name || 'China International Forum on Climate Change'}</h1>
      {site.tagline ? <p>{site.tagline}</p> : null}
      <h2>Latest meetings</h2>
      <ul className="meeting-list">
        {meetings.map((meeting) => (
          <li key={meeting.id}>
            <strong>{meeting.title}</strong>
            <div className="meta">
              {formatInForumTime({ iso: meeting.startsAt, timeZone: meeting.startsAt_tz })}
            </div>
            {meeting.summary ? <p>{meeting.summary}</p> : null}
          </li>
        ))}
      </ul>
      <p className="meta">
        Staff sign in at <a href="/admin">/admin</a>. Partners read the content at{' '}
        <a href="/api/meetings">/api/meetings</a> (REST) and <code>/api/graphql</code> (GraphQL).
      </p>
      {site.copyright ? <footer className="meta">{site.copyright}</footer> : null}
    </main>
  )
}

export default HomePage
